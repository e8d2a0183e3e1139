namespace Lms.Domain.Auditing;

/// <summary>One administrative change: who did what to which record, and the values before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    /// <summary>Created, Updated, Deleted, or a named action such as RolesChanged or Imported.</summary>
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    /// <summary>JSON of the changed fields' old values (null for creation).</summary>
    public string? Before { get; private set; }
    /// <summary>JSON of the changed fields' new values (null for deletion).</summary>
    public string? After { get; private set; }

    private AuditEntry() { }

    public AuditEntry(DateTime atUtc, Guid? actorId, string actorName, string action, string entityType,
        string entityId, string? before, string? after)
    {
        AtUtc = atUtc;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Before = before;
        After = after;
    }

    /// <summary>PDPA erasure: the record of a change stays, the personal values in it do not.</summary>
    public void Redact()
    {
        if (Before is not null) Before = "{\"redacted\": true}";
        if (After is not null) After = "{\"redacted\": true}";
    }

    /// <summary>PDPA erasure of the person who made the change: the change stays, their name does not.</summary>
    public void RedactActor()
    {
        ActorName = "ผู้ใช้ที่ลบข้อมูลแล้ว";
    }
}

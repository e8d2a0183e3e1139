namespace Lms.Infrastructure.Auditing;

/// <summary>Who is making the current change. The web layer answers from the signed-in user;
/// background work and the seeder answer "system".</summary>
public interface IAuditActor
{
    Guid? Id { get; }
    string Name { get; }
}

public sealed class SystemAuditActor : IAuditActor
{
    public Guid? Id => null;
    public string Name => "system";
}

using Lms.Domain.Common;

namespace Lms.Domain.Plc;

/// <summary>A file or picture sent with a message; the file itself is in the file store under <see cref="FileKey"/>.</summary>
public sealed record PlcAttachment(string FileKey, string FileName, string ContentType, long Size)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>
/// One message of a PLC room. Its <see cref="Id"/> is made by the sending browser, so a send retried after a dropped
/// connection finds the message already stored instead of storing it twice; its <see cref="Sequence"/> is the room's
/// next number, given by PostgreSQL before anyone is told of the message. A hidden message stays (for the audit) but
/// its text is shown only to the group's facilitators.
/// </summary>
public sealed class PlcMessage
{
    public const int MaxBodyLength = 4000;
    public const int MaxAttachments = 5;
    public const int MaxMentions = 50;
    public const int MaxHideReasonLength = 500;

    public Guid Id { get; private set; }
    public Guid GroupId { get; private set; }
    public long Sequence { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Body { get; private set; } = "";
    public Guid? ReplyToId { get; private set; }
    public DateTime SentAtUtc { get; private set; }
    public List<PlcAttachment> Attachments { get; private set; } = [];
    /// <summary>People named with @ in the message (each was notified).</summary>
    public List<Guid> MentionIds { get; private set; } = [];
    public DateTime? HiddenAtUtc { get; private set; }
    public Guid? HiddenBy { get; private set; }
    public string? HiddenReason { get; private set; }
    public DateTime? PinnedAtUtc { get; private set; }
    public Guid? PinnedBy { get; private set; }

    private PlcMessage() { }

    public PlcMessage(Guid id, Guid groupId, long sequence, Guid authorId, string body, Guid? replyToId,
        IReadOnlyList<PlcAttachment> attachments, IReadOnlyList<Guid> mentionIds, DateTime sentAtUtc)
    {
        if (id == Guid.Empty) throw new DomainException("plc.message_id_required", "A message needs the id its sender made.");
        if (sequence < 1) throw new DomainException("plc.sequence_invalid", "Sequences start at 1.");
        Id = id;
        GroupId = groupId;
        Sequence = sequence;
        AuthorId = authorId;
        Body = CleanBody(body, attachments.Count);
        ReplyToId = replyToId;
        Attachments = CheckAttachments(attachments);
        MentionIds = mentionIds.Distinct().Take(MaxMentions).ToList();
        SentAtUtc = sentAtUtc;
    }

    public bool IsHidden => HiddenAtUtc is not null;
    public bool IsPinned => PinnedAtUtc is not null;

    /// <summary>Hiding keeps the text for the audit; the reason is for the facilitators' record.</summary>
    public void Hide(Guid moderatorId, string? reason, DateTime nowUtc)
    {
        if (HiddenAtUtc is not null) return;
        HiddenReason = Text.Optional(reason, MaxHideReasonLength);
        HiddenAtUtc = nowUtc;
        HiddenBy = moderatorId;
        Unpin();
    }

    public void Unhide()
    {
        HiddenAtUtc = null;
        HiddenBy = null;
        HiddenReason = null;
    }

    public void Pin(Guid moderatorId, DateTime nowUtc)
    {
        if (IsHidden) throw new DomainException("plc.pin_hidden", "A hidden message cannot be pinned.");
        PinnedAtUtc ??= nowUtc;
        PinnedBy ??= moderatorId;
    }

    public void Unpin()
    {
        PinnedAtUtc = null;
        PinnedBy = null;
    }

    /// <summary>
    /// The body as stored: each line cleaned like any other text (NFC, no zero-width characters, runs of spaces
    /// collapsed) but the line breaks kept, at most two blank lines in a row. Empty is allowed only with a file.
    /// </summary>
    public static string CleanBody(string? body, int attachmentCount)
    {
        var lines = (body ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(Text.Clean);
        var clean = string.Join("\n", lines).Trim('\n');
        while (clean.Contains("\n\n\n", StringComparison.Ordinal)) clean = clean.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        if (clean.Length == 0 && attachmentCount == 0) throw new DomainException("plc.message_empty", "A message needs text or a file.");
        if (clean.Length > MaxBodyLength) throw new DomainException("plc.message_too_long", $"A message is at most {MaxBodyLength} characters.");
        return clean;
    }

    private static List<PlcAttachment> CheckAttachments(IReadOnlyList<PlcAttachment> attachments)
    {
        if (attachments.Count > MaxAttachments) throw new DomainException("plc.too_many_files", $"At most {MaxAttachments} files per message.");
        foreach (var a in attachments)
        {
            if (string.IsNullOrWhiteSpace(a.FileKey) || string.IsNullOrWhiteSpace(a.FileName) || a.Size < 0)
                throw new DomainException("plc.attachment_invalid", "An attachment needs a stored file, a name and a size.");
        }
        return attachments.ToList();
    }
}

/// <summary>One person's reaction to a message; each person gives each reaction at most once.</summary>
public sealed class PlcReaction
{
    /// <summary>The reactions offered (a fixed set: free text here would be a second chat channel to moderate).</summary>
    public static readonly IReadOnlyList<string> Allowed = ["👍", "❤️", "😄", "👏", "🙏", "💡"];

    public Guid MessageId { get; private set; }
    public Guid PersonId { get; private set; }
    public string Emoji { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    private PlcReaction() { }

    public PlcReaction(Guid messageId, Guid personId, string emoji, DateTime nowUtc)
    {
        if (!Allowed.Contains(emoji, StringComparer.Ordinal)) throw new DomainException("plc.reaction_invalid", "That reaction is not offered.");
        (MessageId, PersonId, Emoji, CreatedAtUtc) = (messageId, personId, emoji, nowUtc);
    }
}

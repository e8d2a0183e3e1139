using Lms.Domain.Plc;

namespace Lms.Infrastructure.Plc;

/// <summary>A message as a room page shows it (the hub's <c>MessageReceived</c> and every list of messages).</summary>
/// <param name="Html">The body rendered from Markdown-lite and sanitised on the server; empty when hidden from this reader.</param>
/// <param name="Hidden">Hidden by a facilitator: others see only that it was hidden; facilitators still get the text.</param>
public sealed record PlcMessageView(
    Guid GroupId, Guid Id, long Sequence, Guid AuthorId, string AuthorName, string Body, string Html, DateTime SentAtUtc,
    Guid? ReplyToId, PlcReplyPreview? Reply, IReadOnlyList<PlcAttachmentView> Attachments, bool Hidden, bool Pinned,
    IReadOnlyList<PlcReactionView> Reactions, IReadOnlyList<Guid> MentionIds)
{
    /// <summary>
    /// What a member who may not moderate is shown of this full view: nothing of a hidden message's text or files, and
    /// no excerpt of a hidden message replied to. The one place that rule is written.
    /// </summary>
    public PlcMessageView ForMember() => this with
    {
        Body = Hidden ? "" : Body,
        Html = Hidden ? "" : Html,
        Attachments = Hidden ? [] : Attachments,
        Reply = Reply is { Hidden: true } quote ? quote with { Excerpt = "" } : Reply,
    };
}

/// <summary>The quoted start of the message replied to (nothing of a hidden one).</summary>
public sealed record PlcReplyPreview(Guid Id, long Sequence, string AuthorName, string Excerpt, bool Hidden);

/// <summary>A file of a message, served only to members at <see cref="Url"/>.</summary>
public sealed record PlcAttachmentView(int Index, string FileName, string ContentType, long Size, bool IsImage, string Url);

/// <summary>One reaction on a message and who gave it (members see each other's names in the room anyway).</summary>
public sealed record PlcReactionView(string Emoji, IReadOnlyList<Guid> PersonIds)
{
    public int Count => PersonIds.Count;
}

/// <summary>A member as the room shows them (mention picker, online list, moderation).</summary>
public sealed record PlcMemberView(Guid PersonId, string Name, PlcRole Role, DateTime? MutedUntilUtc);

/// <summary>What the caller may do in a room, read at the moment of the call.</summary>
public sealed record PlcRoomAccess(Guid GroupId, string GroupName, PlcRole Role, bool IsOpen, DateTime? MutedUntilUtc,
    long LastSequence, long LastReadSequence)
{
    public bool MayModerate => Role.MayModerate();
    public bool IsMutedAt(DateTime nowUtc) => MutedUntilUtc is { } until && until > nowUtc;
}

/// <summary>One of a person's rooms on "my groups".</summary>
public sealed record PlcRoomSummary(Guid GroupId, string Name, Guid? SchoolId, string? SchoolName, int FiscalYear, PlcRole Role,
    bool IsOpen, long LastSequence, long Unread, DateTime? LastMessageAtUtc);

/// <summary>A search hit: the message and where it is (the room page opens it in context).</summary>
public sealed record PlcSearchHit(Guid Id, long Sequence, string AuthorName, string Excerpt, DateTime SentAtUtc);

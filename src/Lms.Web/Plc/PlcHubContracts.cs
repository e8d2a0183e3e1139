using Lms.Domain.Plc;
using Lms.Infrastructure.Plc;

namespace Lms.Web.Plc;

/// <summary>What the server calls on a person's open room pages (they show the room they are in and count the others).</summary>
public interface IPlcClient
{
    /// <summary>A new message, stored and numbered before it is sent (the page inserts it by sequence, once by id).</summary>
    Task MessageReceived(PlcMessageView m);
    /// <summary>A message changed: hidden/unhidden, pinned/unpinned or its reactions. Replace it by id.</summary>
    Task MessageChanged(PlcMessageView m);
    /// <summary>The room was closed (read-only) or reopened.</summary>
    Task RoomStateChanged(Guid groupId, bool isOpen);
    /// <summary>This person was muted until the given time, or unmuted (null).</summary>
    Task MutedChanged(Guid groupId, DateTime? mutedUntilUtc);
    /// <summary>Who has the room open now.</summary>
    Task PresenceChanged(Guid groupId, IReadOnlyList<Guid> onlineIds);
    /// <summary>Someone is writing (ephemeral: the page shows it for a few seconds).</summary>
    Task Typing(Guid groupId, Guid personId, string name);
    /// <summary>This person was removed from the group: the page stops showing the room.</summary>
    Task RemovedFromRoom(Guid groupId);
    /// <summary>The members changed (added, removed, role): the page reloads its member list.</summary>
    Task MembersChanged(Guid groupId);
}

/// <summary>What a page gets on joining (and rejoining after a reconnect) a room.</summary>
/// <param name="Messages">Messages after the sequence the page asked from, oldest first, at most 500.</param>
/// <param name="HasMore">More messages follow the last one returned: ask again from its sequence.</param>
public sealed record PlcJoinResult(Guid GroupId, string GroupName, long LastSequence, long LastReadSequence, bool IsOpen,
    PlcRole MyRole, bool MayModerate, DateTime? MutedUntilUtc, IReadOnlyList<PlcMessageView> Messages, bool HasMore,
    IReadOnlyList<PlcMessageView> Pinned, IReadOnlyList<Guid> OnlineIds, IReadOnlyList<PlcMemberView> Members);

/// <summary>A message as the browser sends it; <see cref="Id"/> is made by the browser (crypto.randomUUID) and reused on every retry.</summary>
public sealed record PlcSendInput(Guid Id, Guid GroupId, string Body, Guid? ReplyToId, IReadOnlyList<Guid>? MentionIds,
    IReadOnlyList<Guid>? AttachmentIds);

/// <summary>The answer to a send: stored with its sequence (or found stored before: <see cref="Duplicate"/>), or refused.</summary>
/// <param name="Error">The refusal in the caller's language.</param>
public sealed record PlcSendResult(bool Ok, long Sequence, DateTime SentAtUtc, bool Duplicate, string? ErrorCode, string? Error)
{
    public static PlcSendResult Refused(string code, string message) => new(false, 0, default, false, code, message);
}

/// <summary>The answer to any other room action: done, or refused with a code and a sentence.</summary>
public sealed record PlcActionResult(bool Ok, string? ErrorCode, string? Error)
{
    public static readonly PlcActionResult Done = new(true, null, null);
}

/// <summary>A page of older messages.</summary>
public sealed record PlcHistoryResult(bool Ok, IReadOnlyList<PlcMessageView> Messages, bool HasMore, string? Error);

public sealed record PlcSearchResult(bool Ok, IReadOnlyList<PlcSearchHit> Hits, string? Error);

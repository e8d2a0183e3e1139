using System.Globalization;
using System.Security.Claims;
using Lms.Domain.Common;
using Lms.Domain.Plc;
using Lms.Infrastructure.Plc;
using Lms.Web.Localization;
using Lms.Web.Realtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Plc;

/// <summary>
/// The live PLC rooms, at <c>/hubs/plc</c>. Thin by design: every method reads the caller's membership from PostgreSQL
/// at the moment of the call (not from when they joined), stores through the Infrastructure classes, and only then
/// tells the room. Room messages go to the room's active members by person (<see cref="PersonGroups"/>), never to a
/// group of the room, so a removed member receives nothing more from the next message on, whichever instance they are connected to
/// (docs/adr/0013). A page shows the room it is in and counts unread messages of the others.
/// </summary>
[Authorize]
public sealed class PlcHub(
    PlcRoomQueries queries, PlcMessageStore store, PlcRoomActions actions, PlcPresence presence,
    PlcAttachmentUploads uploads, PlcMentions mentions, PlcRoomBroadcaster room, PlcConnectionRegistry registry,
    IStringLocalizer<SharedResource> l, TimeProvider clock, ILogger<PlcHub> log) : Hub<IPlcClient>
{
    public const string Path = "/hubs/plc";
    /// <summary>A typing signal from one connection is passed on at most this often.</summary>
    public static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(3);
    public const int MaxMuteMinutes = 60 * 24 * 30;

    private Guid Me => Guid.Parse(Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>
    /// The caller's name as the room shows it, read once per connection (a rename shows in live messages after the page
    /// reconnects; lists and catch-up read names afresh).
    /// </summary>
    private async Task<string> MyNameAsync()
    {
        if (Context.Items.TryGetValue("name", out var cached) && cached is string name) return name;
        name = await queries.PersonNameAsync(Me, CancellationToken.None) ?? "";
        Context.Items["name"] = name;
        return name;
    }
    private CancellationToken Aborted => Context.ConnectionAborted;

    public override async Task OnConnectedAsync()
    {
        // The page's language, from the connecting request (the cookie the rest of the site uses), for refusals.
        var culture = Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
        Context.Items["culture"] = culture ?? LocalizationSetup.Thai;
        await PersonGroups.JoinAsync(Context, Groups);
        registry.Add(Context.ConnectionId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        registry.Remove(Context.ConnectionId);
        try
        {
            foreach (var groupId in await presence.LeaveAsync(Context.ConnectionId, null, CancellationToken.None))
                await room.PresenceAsync(groupId, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The rows expire by themselves (PlcPresence.Lifetime); a failed clean-up only delays "offline".
            log.LogWarning(e, "Could not clear the PLC presence of connection {Connection}", Context.ConnectionId);
        }
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Opens a room (on load and after every reconnect): what was missed since <paramref name="afterSequence"/> and the room's state.</summary>
    public async Task<PlcJoinResult> JoinRoom(Guid groupId, long afterSequence)
    {
        var access = await RequireAccessAsync(groupId);
        var me = Me;
        var page = await queries.AfterAsync(groupId, Math.Max(0, afterSequence), PlcRoomQueries.CatchUpLimit + 1, access.MayModerate, Aborted);
        var hasMore = page.Count > PlcRoomQueries.CatchUpLimit;
        if (hasMore) page.RemoveAt(page.Count - 1);
        var pinned = await queries.PinnedAsync(groupId, access.MayModerate, Aborted);
        var members = await queries.MembersAsync(groupId, Aborted);
        var online = await presence.JoinAsync(Context.ConnectionId, groupId, me, Aborted);
        await room.PresenceAsync(groupId, online, Aborted);
        return new PlcJoinResult(groupId, access.GroupName, access.LastSequence, access.LastReadSequence, access.IsOpen, access.Role,
            access.MayModerate, access.IsMutedAt(Now) ? access.MutedUntilUtc : null, page, hasMore, pinned, online, members);
    }

    /// <summary>The page closes the room (navigating within the site): others see the person go offline.</summary>
    public async Task LeaveRoom(Guid groupId)
    {
        await RequireAccessAsync(groupId);
        if (await presence.LeaveAsync(Context.ConnectionId, groupId, Aborted) is { Count: > 0 })
            await room.PresenceAsync(groupId, Aborted);
    }

    /// <summary>
    /// Stores the message (one round trip through plc_post_message) and only then sends it to the room's members. A
    /// retried id answers the stored message's sequence with Duplicate and sends nothing again.
    /// </summary>
    public async Task<PlcSendResult> SendMessage(PlcSendInput input)
    {
        if (input is null || input.Id == Guid.Empty || input.GroupId == Guid.Empty)
            return Refuse("plc.message_id_required");
        var me = Me;
        PlcPostOutcome outcome;
        PlcPostRequest request;
        try
        {
            var attachments = await uploads.ResolveAsync(input.GroupId, me, input.AttachmentIds, Aborted);
            request = new PlcPostRequest(input.Id, input.GroupId, me, input.Body ?? "", input.ReplyToId,
                attachments, input.MentionIds ?? [], Now);
            // Not cancelled by the page going away: once queued the message is stored, and it must then reach the room.
            outcome = await store.PostAsync(request, CancellationToken.None);
        }
        catch (DomainException e)
        {
            return Refuse(e.Code);
        }
        if (outcome.Refusal is { } refusal) return Refuse(refusal);
        if (outcome.Stored)
        {
            // Stored means it goes to the room even if the sender's page has just gone (no token of theirs below).
            var view = input.ReplyToId is null
                ? queries.NewMessageView(request, outcome, await MyNameAsync())
                : await queries.MessageAsync(input.GroupId, input.Id, moderator: false, CancellationToken.None);
            if (view is not null)
            {
                await room.MessageAsync(view, outcome.MemberIds);
                await mentions.NotifyAsync(view, outcome.MemberIds, CancellationToken.None);
            }
        }
        return new PlcSendResult(true, outcome.Sequence, outcome.SentAtUtc, outcome.Duplicate, null, null);
    }

    /// <summary>The <see cref="PlcRoomQueries.HistoryPage"/> messages before <paramref name="beforeSequence"/> ("load older").</summary>
    public async Task<PlcHistoryResult> LoadOlder(Guid groupId, long beforeSequence)
    {
        var access = await RequireAccessAsync(groupId);
        var page = await queries.BeforeAsync(groupId, beforeSequence, PlcRoomQueries.HistoryPage + 1, access.MayModerate, Aborted);
        var hasMore = page.Count > PlcRoomQueries.HistoryPage;
        if (hasMore) page.RemoveAt(0);
        return new PlcHistoryResult(true, page, hasMore, null);
    }

    public async Task<PlcSearchResult> Search(Guid groupId, string text)
    {
        var access = await RequireAccessAsync(groupId);
        return new PlcSearchResult(true, await queries.SearchAsync(groupId, text ?? "", access.MayModerate, Aborted), null);
    }

    /// <summary>The page has shown messages up to <paramref name="sequence"/> (the read mark only moves forward).</summary>
    public async Task<PlcActionResult> MarkRead(Guid groupId, long sequence) =>
        await queries.MarkReadAsync(groupId, Me, sequence, Aborted) ? PlcActionResult.Done : ActionRefused("plc.not_member");

    /// <summary>Tells the others that the caller is writing (at most every few seconds per connection; nothing is stored).</summary>
    public async Task Typing(Guid groupId)
    {
        var key = "typing:" + groupId;
        if (Context.Items.TryGetValue(key, out var last) && last is DateTime at && Now - at < TypingInterval) return;
        Context.Items[key] = Now;
        var access = await RequireAccessAsync(groupId);
        if (!access.IsOpen || access.IsMutedAt(Now)) return;
        await room.TypingAsync(groupId, Me, Aborted);
    }

    public Task<PlcActionResult> React(Guid groupId, Guid messageId, string emoji) =>
        ActAsync(async () =>
        {
            await actions.ToggleReactionAsync(groupId, messageId, Me, emoji ?? "", Aborted);
            await room.MessageChangedAsync(groupId, messageId, Aborted);
        });

    public Task<PlcActionResult> Hide(Guid groupId, Guid messageId, string? reason) =>
        ActAsync(async () =>
        {
            await actions.HideAsync(groupId, messageId, Me, reason, Aborted);
            await room.MessageChangedAsync(groupId, messageId, Aborted);
        });

    public Task<PlcActionResult> Unhide(Guid groupId, Guid messageId) =>
        ActAsync(async () =>
        {
            await actions.UnhideAsync(groupId, messageId, Me, Aborted);
            await room.MessageChangedAsync(groupId, messageId, Aborted);
        });

    public Task<PlcActionResult> Pin(Guid groupId, Guid messageId) =>
        ActAsync(async () =>
        {
            await actions.PinAsync(groupId, messageId, Me, Aborted);
            await room.MessageChangedAsync(groupId, messageId, Aborted);
        });

    public Task<PlcActionResult> Unpin(Guid groupId, Guid messageId) =>
        ActAsync(async () =>
        {
            await actions.UnpinAsync(groupId, messageId, Me, Aborted);
            await room.MessageChangedAsync(groupId, messageId, Aborted);
        });

    /// <summary>Mutes a member for <paramref name="minutes"/> (1 minute to 30 days): they still read, but cannot post.</summary>
    public Task<PlcActionResult> Mute(Guid groupId, Guid personId, int minutes) =>
        ActAsync(async () =>
        {
            if (minutes is < 1 or > MaxMuteMinutes) throw new DomainException("plc.mute_until_invalid", "Mute for 1 minute to 30 days.");
            var until = Now.AddMinutes(minutes);
            await actions.MuteAsync(groupId, Me, personId, until, Aborted);
            await room.MutedAsync(groupId, personId, until, Aborted);
        });

    public Task<PlcActionResult> Unmute(Guid groupId, Guid personId) =>
        ActAsync(async () =>
        {
            await actions.UnmuteAsync(groupId, Me, personId, Aborted);
            await room.MutedAsync(groupId, personId, null, Aborted);
        });

    public Task<PlcActionResult> CloseRoom(Guid groupId) =>
        ActAsync(async () =>
        {
            await actions.CloseAsync(groupId, Me, Aborted);
            await room.RoomStateAsync(groupId, isOpen: false, Aborted);
        });

    public Task<PlcActionResult> ReopenRoom(Guid groupId) =>
        ActAsync(async () =>
        {
            await actions.ReopenAsync(groupId, Me, Aborted);
            await room.RoomStateAsync(groupId, isOpen: true, Aborted);
        });

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<PlcRoomAccess> RequireAccessAsync(Guid groupId) =>
        await queries.AccessAsync(groupId, Me, Aborted) ?? throw new HubException(Say("plc.not_member"));

    private async Task<PlcActionResult> ActAsync(Func<Task> work)
    {
        try
        {
            await work();
            return PlcActionResult.Done;
        }
        catch (DomainException e)
        {
            return ActionRefused(e.Code);
        }
    }

    private PlcSendResult Refuse(string code) => PlcSendResult.Refused(code, Say(code));

    private PlcActionResult ActionRefused(string code) => new(false, code, Say(code));

    private string Say(string code)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            if (Context.Items.TryGetValue("culture", out var c) && c is CultureInfo culture) CultureInfo.CurrentUICulture = culture;
            return DomainErrors.MessageFor(code) is { } text ? l[text] : l["The data is not valid."];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}

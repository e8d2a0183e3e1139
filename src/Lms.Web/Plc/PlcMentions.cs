using Lms.Domain.Notifications;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Plc;

namespace Lms.Web.Plc;

/// <summary>
/// Notifies the members named with @ in a message, through the notifier (the bell, and e-mail if they chose it for
/// mentions). The occasion is the message id, so a retried send never notifies twice. The author is never notified of
/// their own mention, and only active members of the room (checked when the message was stored) are.
/// </summary>
public sealed class PlcMentions(INotifier notifier, ILogger<PlcMentions> log)
{
    public async Task NotifyAsync(PlcMessageView message, IReadOnlyList<Guid> memberIds, CancellationToken ct)
    {
        var people = message.MentionIds.Where(id => id != message.AuthorId && memberIds.Contains(id)).Distinct().ToList();
        if (people.Count == 0) return;
        var excerpt = message.Body.Replace('\n', ' ');
        if (excerpt.Length > 140) excerpt = excerpt[..140] + "…";
        var requests = people.Select(p => new NotificationRequest(p, NotificationKind.PlcMention, $"plc-message:{message.Id}",
            $"{message.AuthorName} กล่าวถึงคุณในห้อง PLC", excerpt, $"/Plc/Room/{message.GroupId}?at={message.Sequence}")).ToList();
        try
        {
            await notifier.NotifyManyAsync(requests, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The message is stored and delivered; a failed notice must not turn the send into an error the
            // browser would retry. The person still sees the mention in the room.
            log.LogWarning(e, "Mention notices for PLC message {Message} failed", message.Id);
        }
    }
}

using Lms.Domain.Common;

namespace Lms.Domain.Notifications;

/// <summary>
/// One thing a person is told about, once per occasion (person, kind and occasion key are unique). It is shown under
/// the bell until read; how it also goes by e-mail was fixed by the person's choice when it was made
/// (<see cref="Delivery"/>), and what became of that e-mail is recorded here.
/// </summary>
public sealed class Notification
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 2000;
    public const int OccasionKeyMaxLength = 200;

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public NotificationKind Kind { get; private set; }
    /// <summary>Names the occasion (e.g. <c>certificate:{id}</c>): the same person, kind and occasion is notified once.</summary>
    public string OccasionKey { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>App-relative address of the thing (<see cref="NotificationLink"/>).</summary>
    public string Link { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }
    public DeliveryChoice Delivery { get; private set; }
    /// <summary>When its own e-mail may go: creation time, or the end of the quiet hours it was made in.</summary>
    public DateTime? EmailDueAtUtc { get; private set; }
    /// <summary>A sending job took it (cleared again when sending failed, so a retry sends it).</summary>
    public DateTime? EmailClaimedAtUtc { get; private set; }
    /// <summary>The mail server accepted its e-mail.</summary>
    public DateTime? EmailedAtUtc { get; private set; }
    /// <summary>It went out in a daily digest.</summary>
    public DateTime? DigestedAtUtc { get; private set; }
    /// <summary>Its e-mail was not sent, and why (it stays in the app).</summary>
    public DateTime? DroppedAtUtc { get; private set; }
    public EmailDropReason? DropReason { get; private set; }

    private Notification() { }

    public Notification(Guid id, Guid personId, NotificationKind kind, string occasionKey, string title, string body,
        string link, DeliveryChoice delivery, DateTime createdAtUtc, DateTime? emailDueAtUtc)
    {
        if (id == Guid.Empty || personId == Guid.Empty)
            throw new DomainException("notification.ids_required", "A notification needs an id and a person.");
        if (!Enum.IsDefined(kind)) throw new DomainException("notification.kind_invalid", $"Unknown kind {kind}.");
        if (!Enum.IsDefined(delivery)) throw new DomainException("notification.delivery_invalid", $"Unknown delivery {delivery}.");
        if (!NotificationLink.IsAppRelative(link))
            throw new DomainException("notification.link_not_app_relative", $"A notification links to a page of this site (\"/…\"), not \"{link}\".");
        if (delivery == DeliveryChoice.EmailToo && emailDueAtUtc is null)
            throw new DomainException("notification.email_due_required", "An e-mailed notification needs the time its e-mail is due.");
        Id = id;
        PersonId = personId;
        Kind = kind;
        OccasionKey = Text.Required(occasionKey, "notification.occasion_required", OccasionKeyMaxLength);
        Title = Text.Required(title, "notification.title_required", TitleMaxLength);
        Body = CleanBody(body);
        Link = link;
        Delivery = delivery;
        CreatedAtUtc = createdAtUtc;
        EmailDueAtUtc = delivery == DeliveryChoice.EmailToo ? emailDueAtUtc : null;
    }

    public bool IsRead => ReadAtUtc is not null;

    /// <summary>Reading twice keeps the first time.</summary>
    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;

    /// <summary>
    /// Keeps the paragraphs of the body (an e-mail shows them) while cleaning each line as any other text.
    /// </summary>
    private static string CleanBody(string? body)
    {
        var lines = (body ?? "").Replace("\r\n", "\n").Split('\n').Select(Text.Clean);
        var clean = string.Join("\n", lines).Trim('\n');
        while (clean.Contains("\n\n\n", StringComparison.Ordinal)) clean = clean.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        if (clean.Length > BodyMaxLength) throw new DomainException("text.too_long", $"Text longer than {BodyMaxLength} characters.");
        return clean;
    }
}

/// <summary>Why a notification's e-mail was not sent. Stored as its number.</summary>
public enum EmailDropReason
{
    /// <summary>A relevance check said the occasion has passed (the course was completed, the quiz submitted …).</summary>
    NoLongerRelevant = 1,
    /// <summary>The person has no usable e-mail address.</summary>
    NoEmailAddress = 2,
    /// <summary>The person was deactivated (or erased) in the meantime.</summary>
    PersonInactive = 3,
    /// <summary>The person switched this kind to "in the app only" before it was sent.</summary>
    ChoiceChanged = 4,
}

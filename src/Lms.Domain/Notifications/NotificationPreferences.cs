using Lms.Domain.Common;

namespace Lms.Domain.Notifications;

/// <summary>
/// A person's choice, per kind of notification, of how it reaches them. Only what they changed is stored;
/// every other kind follows <see cref="DeliveryDefaults"/>, so a kind added later gets its sensible default.
/// </summary>
public sealed class NotificationPreferences
{
    public Guid PersonId { get; private set; }
    private Dictionary<NotificationKind, DeliveryChoice> choices = [];
    public IReadOnlyDictionary<NotificationKind, DeliveryChoice> Choices => choices;
    public DateTime UpdatedAtUtc { get; private set; }

    private NotificationPreferences() { }

    public NotificationPreferences(Guid personId, DateTime nowUtc)
    {
        if (personId == Guid.Empty) throw new DomainException("notification.ids_required", "Preferences need a person.");
        (PersonId, UpdatedAtUtc) = (personId, nowUtc);
    }

    public DeliveryChoice ChoiceFor(NotificationKind kind) =>
        choices.TryGetValue(kind, out var choice) ? choice : DeliveryDefaults.For(kind);

    /// <summary>
    /// Sets every kind at once (the preferences form). All values are checked before any is taken, so a refused
    /// form changes nothing. A choice equal to the default is not stored: the person then follows the default.
    /// </summary>
    public void ChooseAll(IReadOnlyDictionary<NotificationKind, DeliveryChoice> wanted, DateTime nowUtc)
    {
        foreach (var (kind, choice) in wanted)
        {
            if (!Enum.IsDefined(kind)) throw new DomainException("notification.kind_invalid", $"Unknown kind {kind}.");
            if (!Enum.IsDefined(choice)) throw new DomainException("notification.delivery_invalid", $"Unknown delivery {choice}.");
        }
        foreach (var (kind, choice) in wanted)
        {
            if (choice == DeliveryDefaults.For(kind)) choices.Remove(kind);
            else choices[kind] = choice;
        }
        UpdatedAtUtc = nowUtc;
    }
}

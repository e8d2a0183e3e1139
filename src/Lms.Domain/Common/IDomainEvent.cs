namespace Lms.Domain.Common;

/// <summary>
/// Something that happened in the model that other features react to (certificates, reminders,
/// indicators). Entities collect them; the infrastructure dispatches them after the change is saved.
/// </summary>
public interface IDomainEvent
{
    DateTime OccurredAtUtc { get; }
}

using Lms.Domain.Common;

namespace Lms.Infrastructure.Events;

/// <summary>
/// Reacts to a domain event after it is saved. Handlers run in their own scope, possibly more than once
/// (after a crash), so they must be idempotent — e.g. "exactly one certificate" is a unique index.
/// Register with <c>services.AddDomainEventHandler&lt;TEvent, THandler&gt;()</c>.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}

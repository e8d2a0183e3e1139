namespace Lms.Domain.Common;

/// <summary>An entity that collects <see cref="IDomainEvent"/>s for the infrastructure to pass on after saving.</summary>
public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }
    void ClearDomainEvents();
}

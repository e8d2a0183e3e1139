namespace Lms.Infrastructure.Events;

/// <summary>
/// A domain event written in the same transaction as the change that raised it (the outbox pattern),
/// so a crash between "course completed" and "issue the certificate" loses nothing: the dispatcher
/// picks the row up again after a restart.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>The event's CLR type name (Lms.Domain.Enrolments.CourseCompleted).</summary>
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTime OccurredAtUtc { get; set; }
    public DateTime? ProcessedAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAtUtc { get; set; }
    public string? LastError { get; set; }
}

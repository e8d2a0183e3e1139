namespace Lms.Domain.Notifications;

/// <summary>
/// What a notification is about. Each person chooses per kind how it reaches them (in the app only,
/// by e-mail too, or in a daily digest). Stored as its number: append new kinds, never renumber.
/// </summary>
public enum NotificationKind
{
    EnrolmentDeadline = 1,
    NoProgress = 2,
    QuizClosing = 3,
    AssignmentGraded = 4,
    CertificateIssued = 5,
    PlcMeetingTomorrow = 6,
    CourseCompleted = 7,
    /// <summary>Someone named the person with @ in a PLC room (one per message: the occasion is the message id).</summary>
    PlcMention = 8,
    /// <summary>A director or supervisor approved a PLC meeting record, or returned it with a note (to its recorder).</summary>
    PlcMeetingDecided = 9,
}

namespace Lms.Domain.Notifications;

/// <summary>
/// How a person wants one kind of notification to reach them. Every notification is shown in the app (the bell);
/// the choice is about e-mail. Stored as its number: append new values, never renumber.
/// </summary>
public enum DeliveryChoice
{
    /// <summary>Only the bell in the app.</summary>
    InAppOnly = 1,
    /// <summary>The bell and an e-mail for each notification (held back during quiet hours).</summary>
    EmailToo = 2,
    /// <summary>The bell and one e-mail a day listing what came that day.</summary>
    DailyDigest = 3,
}

/// <summary>What a person gets before they choose anything.</summary>
public static class DeliveryDefaults
{
    /// <summary>
    /// Things a teacher acts on or keeps (a certificate, a grade, a deadline, a closing quiz, tomorrow's PLC meeting)
    /// come by e-mail too; a nudge about no progress waits for the daily digest; a completed course is already
    /// celebrated on the page (and by the certificate's e-mail), so it stays in the app.
    /// </summary>
    public static DeliveryChoice For(NotificationKind kind) => kind switch
    {
        NotificationKind.CertificateIssued => DeliveryChoice.EmailToo,
        NotificationKind.AssignmentGraded => DeliveryChoice.EmailToo,
        NotificationKind.EnrolmentDeadline => DeliveryChoice.EmailToo,
        NotificationKind.QuizClosing => DeliveryChoice.EmailToo,
        NotificationKind.PlcMeetingTomorrow => DeliveryChoice.EmailToo,
        // A returned record waits for its recorder to correct it: worth an e-mail.
        NotificationKind.PlcMeetingDecided => DeliveryChoice.EmailToo,
        NotificationKind.NoProgress => DeliveryChoice.DailyDigest,
        NotificationKind.CourseCompleted => DeliveryChoice.InAppOnly,
        // The room is a conversation: the bell shows a mention at once; e-mail for every @ would be noise.
        NotificationKind.PlcMention => DeliveryChoice.InAppOnly,
        _ => DeliveryChoice.InAppOnly,
    };
}

using Lms.Domain.Certificates;
using Lms.Domain.Courses;
using Lms.Domain.Organisation;

namespace Lms.Web.Localization;

/// <summary>English names of domain values; pass them through the localizer for Thai.</summary>
public static class DomainNames
{
    public static string Of(Position p) => p switch
    {
        Position.AssistantTeacher => "Assistant teacher",
        Position.Teacher => "Teacher",
        Position.EducationalPersonnel => "Educational personnel",
        Position.SchoolDirector => "School director",
        Position.Supervisor => "Supervisor",
        Position.External => "External expert",
        _ => p.ToString(),
    };

    public static string Of(SubjectArea s) => s switch
    {
        SubjectArea.Thai => "Thai language",
        SubjectArea.Mathematics => "Mathematics",
        SubjectArea.ScienceAndTechnology => "Science and technology",
        SubjectArea.SocialStudies => "Social studies, religion and culture",
        SubjectArea.HealthAndPhysicalEducation => "Health and physical education",
        SubjectArea.Arts => "Arts",
        SubjectArea.CareerEducation => "Occupations",
        SubjectArea.ForeignLanguages => "Foreign languages",
        SubjectArea.LearnerDevelopment => "Learner development activities",
        SubjectArea.Guidance => "Guidance",
        _ => s.ToString(),
    };

    public static string Of(CertificateFieldKind k) => k switch
    {
        CertificateFieldKind.RecipientName => "Recipient's name with title",
        CertificateFieldKind.CourseName => "Course or event name",
        CertificateFieldKind.CompletionDate => "Completion date",
        CertificateFieldKind.CreditHours => "Credit hours",
        CertificateFieldKind.SerialNumber => "Certificate number",
        CertificateFieldKind.QrCode => "QR code for verification",
        CertificateFieldKind.Signature1 => "Signature 1",
        CertificateFieldKind.Signature2 => "Signature 2",
        CertificateFieldKind.Signature3 => "Signature 3",
        CertificateFieldKind.FreeText => "Fixed text",
        _ => k.ToString(),
    };

    public static string Of(FieldAlignment a) => a switch
    {
        FieldAlignment.Left => "Left",
        FieldAlignment.Centre => "Centre",
        FieldAlignment.Right => "Right",
        _ => a.ToString(),
    };

    public static string Of(CertificateOrientation o) => o switch
    {
        CertificateOrientation.Landscape => "A4 landscape",
        CertificateOrientation.Portrait => "A4 portrait",
        _ => o.ToString(),
    };

    public static string OfRole(string role) => role switch
    {
        SystemRole.Administrator => "Administrator",
        SystemRole.CourseDesigner => "Course designer",
        SystemRole.Trainer => "Trainer",
        SystemRole.Supervisor => "Supervisor (role)",
        SystemRole.SchoolDirector => "School director (role)",
        SystemRole.Learner => "Learner",
        _ => role,
    };

    public static string Of(CourseStatus s) => s switch
    {
        CourseStatus.Draft => "Draft",
        CourseStatus.Published => "Published",
        CourseStatus.Archived => "Archived",
        _ => s.ToString(),
    };

    public static string Of(ActivityKind k) => k switch
    {
        ActivityKind.Page => "Page",
        ActivityKind.File => "File",
        ActivityKind.Link => "Link",
        ActivityKind.Assignment => "Assignment",
        ActivityKind.Quiz => "Quiz",
        _ => k.ToString(),
    };

    public static string Of(CompletionCriterion c) => c switch
    {
        CompletionCriterion.None => "Not tracked",
        CompletionCriterion.Viewed => "Viewed",
        CompletionCriterion.Submitted => "Submitted",
        CompletionCriterion.GradedAtLeastPassMark => "Graded at or above the pass mark",
        CompletionCriterion.QuizPassed => "Quiz passed",
        _ => c.ToString(),
    };

    public static string Of(Lms.Domain.Quizzes.GradingMethod m) => m switch
    {
        Lms.Domain.Quizzes.GradingMethod.Highest => "Highest grade",
        Lms.Domain.Quizzes.GradingMethod.Average => "Average grade",
        Lms.Domain.Quizzes.GradingMethod.First => "First attempt",
        Lms.Domain.Quizzes.GradingMethod.Last => "Last attempt",
        _ => m.ToString(),
    };

    public static string Of(Lms.Domain.Quizzes.AttemptState s) => s switch
    {
        Lms.Domain.Quizzes.AttemptState.InProgress => "In progress",
        Lms.Domain.Quizzes.AttemptState.NeedsGrading => "Waiting for grading",
        Lms.Domain.Quizzes.AttemptState.Finished => "Finished",
        _ => s.ToString(),
    };

    public static string Of(Lms.Domain.Quizzes.QuizRole r) => r switch
    {
        Lms.Domain.Quizzes.QuizRole.Ordinary => "Ordinary quiz",
        Lms.Domain.Quizzes.QuizRole.PreTest => "Pre-test",
        Lms.Domain.Quizzes.QuizRole.PostTest => "Post-test",
        _ => r.ToString(),
    };

    public static string Of(Lms.Domain.Quizzes.ReviewTiming t) => t switch
    {
        Lms.Domain.Quizzes.ReviewTiming.Never => "Never",
        Lms.Domain.Quizzes.ReviewTiming.AfterSubmit => "Right after submitting",
        Lms.Domain.Quizzes.ReviewTiming.AfterClose => "After the quiz closes",
        _ => t.ToString(),
    };

    public static string Of(Lms.Domain.Questions.QuestionType t) => t switch
    {
        Lms.Domain.Questions.QuestionType.MultipleChoice => "Multiple choice",
        Lms.Domain.Questions.QuestionType.TrueFalse => "True/false",
        Lms.Domain.Questions.QuestionType.ShortAnswer => "Short answer",
        Lms.Domain.Questions.QuestionType.Numerical => "Numerical",
        Lms.Domain.Questions.QuestionType.Matching => "Matching",
        Lms.Domain.Questions.QuestionType.Ordering => "Ordering",
        Lms.Domain.Questions.QuestionType.Cloze => "Gap fill (cloze)",
        Lms.Domain.Questions.QuestionType.Essay => "Essay",
        Lms.Domain.Questions.QuestionType.Description => "Description",
        _ => t.ToString(),
    };

    public static string Of(Lms.Domain.Questions.OrderingGrading g) => g switch
    {
        Lms.Domain.Questions.OrderingGrading.AllOrNothing => "All or nothing",
        Lms.Domain.Questions.OrderingGrading.AbsolutePosition => "Each item in its right place",
        Lms.Domain.Questions.OrderingGrading.RelativeNextExcludeLast => "Each item followed by the right next item",
        _ => g.ToString(),
    };

    public static string Of(Lms.Domain.Notifications.NotificationKind k) => k switch
    {
        Lms.Domain.Notifications.NotificationKind.EnrolmentDeadline => "A course's deadline is near",
        Lms.Domain.Notifications.NotificationKind.NoProgress => "No progress in a course for a while",
        Lms.Domain.Notifications.NotificationKind.QuizClosing => "A quiz closes soon",
        Lms.Domain.Notifications.NotificationKind.AssignmentGraded => "An assignment was graded",
        Lms.Domain.Notifications.NotificationKind.CertificateIssued => "A certificate was issued",
        Lms.Domain.Notifications.NotificationKind.PlcMeetingTomorrow => "A PLC meeting tomorrow",
        Lms.Domain.Notifications.NotificationKind.CourseCompleted => "A course was completed",
        Lms.Domain.Notifications.NotificationKind.PlcMention => "Someone mentioned me in a PLC room",
        Lms.Domain.Notifications.NotificationKind.PlcMeetingDecided => "A PLC meeting record was approved or returned",
        _ => k.ToString(),
    };

    public static string Of(Lms.Domain.Plc.PlcRole r) => r switch
    {
        Lms.Domain.Plc.PlcRole.Facilitator => "Facilitator",
        Lms.Domain.Plc.PlcRole.Member => "Member",
        Lms.Domain.Plc.PlcRole.Mentor => "Mentor / expert",
        Lms.Domain.Plc.PlcRole.Recorder => "Recorder",
        _ => r.ToString(),
    };

    public static string Of(Lms.Domain.Notifications.DeliveryChoice c) => c switch
    {
        Lms.Domain.Notifications.DeliveryChoice.InAppOnly => "In the app only",
        Lms.Domain.Notifications.DeliveryChoice.EmailToo => "E-mail too",
        Lms.Domain.Notifications.DeliveryChoice.DailyDigest => "Daily digest e-mail",
        _ => c.ToString(),
    };
}

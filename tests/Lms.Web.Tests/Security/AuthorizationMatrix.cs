using Lms.Domain.Organisation;

namespace Lms.Web.Tests.Security;

/// <summary>Who may use a page: anyone, any signed-in person, or only some roles.</summary>
public sealed record Audience(bool Anonymous, string[]? Roles)
{
    public static readonly Audience Anyone = new(true, null);
    public static readonly Audience SignedIn = new(false, null);
    public static Audience Only(params string[] roles) => new(false, roles);

    public bool Allows(string? role) => role is null ? Anonymous : Roles is null || Roles.Contains(role);
}

/// <summary>
/// The declared access of every page of the app. AuthorizationMatrixTests walks every page and handler
/// the app actually has and fails when one is missing here, so a new page must be declared.
/// To extend: add a line with the page's path, a URL that reaches it, and its audience.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>An id no record has: pages that need one answer 404 to the allowed and refuse the others first.</summary>
    public static readonly Guid UnknownId = Guid.Parse("00000000-0000-4000-8000-00000000d00d");
    private static readonly Audience Designers = Audience.Only(SystemRole.CourseDesigner, SystemRole.Administrator);
    private static readonly Audience Reporters =
        Audience.Only(SystemRole.Trainer, SystemRole.CourseDesigner, SystemRole.Administrator, SystemRole.SchoolDirector);
    private static readonly Audience PlcOverseers = Audience.Only(SystemRole.SchoolDirector, SystemRole.Supervisor, SystemRole.Administrator);
    private static readonly Audience Graders = Audience.Only(SystemRole.Trainer, SystemRole.CourseDesigner, SystemRole.Administrator);

    public static readonly IReadOnlyDictionary<string, (string SampleUrl, Audience Who)> Pages =
        new Dictionary<string, (string, Audience)>
        {
            // Public
            ["/Account/Login"] = ("/Account/Login", Audience.Anyone),
            ["/Account/ForgotPassword"] = ("/Account/ForgotPassword", Audience.Anyone),
            ["/Account/ResetPassword"] = ("/Account/ResetPassword", Audience.Anyone),
            ["/Account/Lockout"] = ("/Account/Lockout", Audience.Anyone),
            ["/Account/AccessDenied"] = ("/Account/AccessDenied", Audience.Anyone),
            ["/Error"] = ("/Error", Audience.Anyone),
            ["/Status"] = ("/Status/404", Audience.Anyone),
            ["/Culture"] = ("/Culture", Audience.Anyone),
            // Every signed-in person
            ["/Index"] = ("/", Audience.SignedIn),
            ["/Account/Logout"] = ("/Account/Logout", Audience.SignedIn),
            ["/Account/ChangePassword"] = ("/Account/ChangePassword", Audience.SignedIn),
            ["/Account/MyData"] = ("/Account/MyData", Audience.SignedIn),
            ["/Account/Calendar"] = ("/Account/Calendar", Audience.SignedIn),
            ["/Account/Notifications"] = ("/Account/Notifications", Audience.SignedIn),
            // The notification centre: each person's own (someone else's notification answers 404, as an unknown id)
            ["/Notifications/Index"] = ("/Notifications", Audience.SignedIn),
            ["/Notifications/Open"] = ($"/Notifications/Open/{UnknownId}", Audience.SignedIn),
            ["/Learn/Index"] = ("/Learn", Audience.SignedIn),
            ["/Media/Index"] = ($"/Media/{UnknownId}/2026/11/00000000000000000000000000000000", Audience.SignedIn),
            ["/Learn/Catalogue"] = ("/Learn/Catalogue", Audience.SignedIn),
            ["/Learn/Certificates"] = ("/Learn/Certificates", Audience.SignedIn),
            // Owner or administrator, else 404 (checked in IssuingTests); signed in to ask at all.
            ["/Certificates/File"] = ($"/certificates/{UnknownId}.pdf", Audience.SignedIn),
            // The public check behind a certificate's QR code.
            ["/Verify"] = ("/verify/ABCDEFGHJKLMNPQRSTUV", Audience.Anyone),
            ["/Learn/Course"] = ($"/Learn/Course/{UnknownId}", Audience.SignedIn),
            ["/Learn/Activity"] = ($"/Learn/Activity/{UnknownId}/{UnknownId}", Audience.SignedIn),
            // Attempts: only their owner, checked in the page (anyone else gets 404, as for an unknown id)
            ["/Learn/Attempt/Index"] = ($"/Learn/Attempt/{UnknownId}", Audience.SignedIn),
            ["/Learn/Attempt/Summary"] = ($"/Learn/Attempt/{UnknownId}/Summary", Audience.SignedIn),
            ["/Learn/Attempt/Review"] = ($"/Learn/Attempt/{UnknownId}/Review", Audience.SignedIn),
            ["/QuestionFiles/Index"] = ($"/QuestionFiles/{UnknownId}/1/image.png", Audience.SignedIn),
            // PLC: everyone reaches their own groups; a room and its files answer 404 to anyone not a member (PlcRoomPageTests)
            ["/Plc/Index"] = ("/Plc", Audience.SignedIn),
            ["/Plc/Room"] = ($"/Plc/Room/{UnknownId}", Audience.SignedIn),
            ["/Plc/Files"] = ($"/plc/files/{UnknownId}/0", Audience.SignedIn),
            // Managing groups: administrators and supervisors (all), directors (their school's; others answer 404, PlcGroupPagesTests)
            ["/Plc/Groups/Index"] = ("/Plc/Groups", PlcOverseers),
            ["/Plc/Groups/Edit"] = ("/Plc/Groups/Edit", PlcOverseers),
            // Course designers (and administrators standing in for them)
            ["/Design/Courses/Index"] = ("/Design/Courses", Designers),
            ["/Design/Courses/Edit"] = ("/Design/Courses/Edit", Designers),
            ["/Design/Courses/Structure"] = ($"/Design/Courses/Structure/{UnknownId}", Designers),
            ["/Design/Categories/Index"] = ("/Design/Categories", Designers),
            ["/Design/Courses/Import"] = ("/Design/Courses/Import", Designers),
            ["/Design/Courses/Enrol"] = ($"/Design/Courses/Enrol/{UnknownId}", Designers),
            ["/Design/Courses/Activity"] = ($"/Design/Courses/Activity/{UnknownId}/{UnknownId}", Designers),
            ["/Design/Quizzes/Edit"] = ($"/Design/Quizzes/Edit/{UnknownId}/{UnknownId}", Designers),
            // Question banks (the shared bank, and each course's)
            ["/Design/Questions/Index"] = ("/Design/Questions", Designers),
            ["/Design/Questions/Edit"] = ($"/Design/Questions/Edit?id={UnknownId}", Designers),
            ["/Design/Questions/Preview"] = ($"/Design/Questions/Preview?id={UnknownId}", Designers),
            ["/Design/Questions/Import"] = ("/Design/Questions/Import", Designers),
            ["/Design/Questions/Export"] = ($"/Design/Questions/Export?categoryId={UnknownId}", Designers),
            // Certificate templates (designers and administrators)
            ["/Design/Certificates/Index"] = ("/Design/Certificates", Designers),
            ["/Design/Certificates/Edit"] = ($"/Design/Certificates/Edit/{UnknownId}", Designers),
            // Trainers (and designers, administrators) grade assignments and quiz essays
            ["/Teach/Grading"] = ("/Teach/Grading", Graders),
            ["/Teach/Grade"] = ($"/Teach/Grade/{UnknownId}", Graders),
            ["/Teach/QuizGrade"] = ($"/Teach/QuizGrade/{UnknownId}/1", Graders),
            // Course reports (directors: own school only)
            ["/Reports/Courses"] = ("/Reports/Courses", Reporters),
            ["/Reports/CourseProgress"] = ($"/Reports/CourseProgress/{UnknownId}", Reporters),
            ["/Reports/Quiz"] = ($"/Reports/Quiz/{UnknownId}/{UnknownId}", Reporters),
            ["/Reports/PrePost"] = ($"/Reports/PrePost/{UnknownId}", Reporters),
            // PLC logbook: members of the group and those who oversee it, checked in the page (anyone else: 404, as an unknown
            // group); evidence downloads are a handler of the meeting page and follow the same rule (LogbookAccessTests).
            ["/Plc/Logbook/Index"] = ($"/Plc/Logbook/{UnknownId}", Audience.SignedIn),
            ["/Plc/Logbook/Meeting"] = ($"/Plc/Logbook/{UnknownId}/Meeting/{UnknownId}", Audience.SignedIn),
            ["/Plc/Hours"] = ("/Plc/Hours", Audience.SignedIn),
            // Approving meetings and the hours report: directors (own school, narrowed in the page), supervisors, administrators
            ["/Plc/Approvals/Index"] = ("/Plc/Approvals", PlcOverseers),
            ["/Plc/Reports/Hours"] = ("/Plc/Reports/Hours", PlcOverseers),
            // Administrators
            ["/Admin/Plc/Index"] = ("/Admin/Plc", Audience.Only(SystemRole.Administrator)),
            ["/Admin/Index"] = ("/Admin", Audience.Only(SystemRole.Administrator)),
            ["/Admin/Schools/Index"] = ("/Admin/Schools", Audience.Only(SystemRole.Administrator)),
            ["/Admin/Schools/Edit"] = ("/Admin/Schools/Edit", Audience.Only(SystemRole.Administrator)),
            ["/Admin/People/Index"] = ("/Admin/People", Audience.Only(SystemRole.Administrator)),
            ["/Admin/People/Edit"] = ("/Admin/People/Edit", Audience.Only(SystemRole.Administrator)),
            ["/Admin/People/Import"] = ("/Admin/People/Import", Audience.Only(SystemRole.Administrator)),
            ["/Admin/Audit/Index"] = ("/Admin/Audit", Audience.Only(SystemRole.Administrator)),
            ["/Admin/Reminders/Index"] = ("/Admin/Reminders", Audience.Only(SystemRole.Administrator)),
            ["/Admin/Certificates/Index"] = ("/Admin/Certificates", Audience.Only(SystemRole.Administrator)),
            ["/Admin/Certificates/Events"] = ("/Admin/Certificates/Events", Audience.Only(SystemRole.Administrator)),
            ["/Admin/Certificates/Batch"] = ($"/Admin/Certificates/Batch/{UnknownId}", Audience.Only(SystemRole.Administrator)),
            ["/Admin/Certificates/Progress"] = ($"/Admin/Certificates/Progress/{UnknownId}", Audience.Only(SystemRole.Administrator)),
        };

    /// <summary>Pages whose POST deliberately skips antiforgery validation, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> AntiforgeryExempt = new Dictionary<string, string>
    {
        ["/Status"] = "the error page re-executed for a rejected POST must render, not be rejected again",
    };

    /// <summary>Endpoints outside Razor Pages, with their audience ("POST url" for those that answer only POST).</summary>
    public static readonly IReadOnlyDictionary<string, Audience> Endpoints = new Dictionary<string, Audience>
    {
        ["/health"] = Audience.Anyone,
        // The live bell's hub: connecting starts with this request (the SignalR client sends no antiforgery token;
        // the SameSite session cookie is not sent with another site's requests).
        ["POST /hubs/notifications/negotiate?negotiateVersion=1"] = Audience.SignedIn,
        // The PLC rooms' hub: any signed-in person connects; every method then checks membership (PlcHubMethods).
        ["POST /hubs/plc/negotiate?negotiateVersion=1"] = Audience.SignedIn,
        ["/admin/jobs"] = Audience.Only(SystemRole.Administrator),
        ["/admin/jobs/recurring"] = Audience.Only(SystemRole.Administrator),
    };

    /// <summary>
    /// Endpoints whose credential is a secret in the address, not a sign-in (a phone calendar cannot sign in): nobody is
    /// sent to sign in, and a wrong secret answers 404 to everyone, signed in or not.
    /// </summary>
    public static readonly IReadOnlyList<string> SecretLinkEndpoints =
    [
        "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
        "/calendar/not-a-token.ics",
    ];

    /// <summary>
    /// Every method of the PLC hub and who in a room may call it: members (any role but facilitator), facilitators,
    /// strangers (signed in, never in the group) and removed members. Checked by PlcHubMatrixTests, which fails when the
    /// hub has a method not listed here. Anyone else is refused (a HubException, or a result with ErrorCode).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, RoomCaller[]> PlcHubMethods = new Dictionary<string, RoomCaller[]>
    {
        ["JoinRoom"] = [RoomCaller.Member, RoomCaller.Facilitator],
        ["LeaveRoom"] = [RoomCaller.Member, RoomCaller.Facilitator],
        ["SendMessage"] = [RoomCaller.Member, RoomCaller.Facilitator],
        ["LoadOlder"] = [RoomCaller.Member, RoomCaller.Facilitator],
        ["Search"] = [RoomCaller.Member, RoomCaller.Facilitator],
        ["MarkRead"] = [RoomCaller.Member, RoomCaller.Facilitator],
        ["Typing"] = [RoomCaller.Member, RoomCaller.Facilitator],
        ["React"] = [RoomCaller.Member, RoomCaller.Facilitator],
        ["Hide"] = [RoomCaller.Facilitator],
        ["Unhide"] = [RoomCaller.Facilitator],
        ["Pin"] = [RoomCaller.Facilitator],
        ["Unpin"] = [RoomCaller.Facilitator],
        ["Mute"] = [RoomCaller.Facilitator],
        ["Unmute"] = [RoomCaller.Facilitator],
        ["CloseRoom"] = [RoomCaller.Facilitator],
        ["ReopenRoom"] = [RoomCaller.Facilitator],
    };
}

/// <summary>Who calls a PLC hub method, as far as the room is concerned.</summary>
public enum RoomCaller { Member, Facilitator, Stranger, Removed }

using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Feeds;
using Lms.Infrastructure.Notifications.Reminders;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Account;

/// <summary>
/// PDPA right of access: a person downloads everything the system holds about them, as JSON.
/// Each feature adds its records here: enrolments and progress, assignment work, quiz attempts with their answers,
/// certificates, notifications and the choices of how they arrive, the reminders sent and whether a calendar link exists
/// and PLC: memberships, meetings attended with their hours, meetings recorded and the room messages they wrote.
/// </summary>
public sealed class MyDataModel(LmsDbContext db, TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void OnGet() { }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var id = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var now = clock.GetUtcNow().UtcDateTime;
        var export = await PersonalDataExport.BuildAsync(db, id, now, ct);
        if (export is null) return NotFound();
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"my-data-{now:yyyyMMdd}.json"));
    }
}

public static class PersonalDataExport
{
    public static async Task<object?> BuildAsync(LmsDbContext db, Guid personId, DateTime nowUtc, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == personId, ct);
        if (person is null || account is null) return null;
        var school = person.SchoolId is { } sid
            ? await db.Schools.AsNoTracking().Where(s => s.Id == sid).Select(s => new { s.Code, s.NameTh }).FirstOrDefaultAsync(ct)
            : null;
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == personId select r.Name).ToListAsync(ct);
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == personId.ToString()).OrderBy(a => a.AtUtc)
            .Select(a => new { a.AtUtc, a.Action, a.ActorName, a.Before, a.After }).ToListAsync(ct);
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Progress).Where(e => e.PersonId == personId)
            .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new { Course = c.TitleTh, e.Source, e.EnrolledAtUtc, e.CompletedAtUtc, e.Progress })
            .ToListAsync(ct);
        var submissions = await db.AssignmentSubmissions.AsNoTracking().Where(s => s.PersonId == personId)
            .Select(s => new { s.CourseId, s.ActivityId, s.Text, s.Files, s.SubmittedAtUtc, s.Grade, s.Feedback, s.GradedAtUtc }).ToListAsync(ct);
        var attempts = await db.QuizAttempts.AsNoTracking().Include(a => a.Questions).Where(a => a.PersonId == personId)
            .Join(db.Quizzes, a => a.QuizId, q => q.Id, (a, q) => new { Quiz = q.Title, Attempt = a }).ToListAsync(ct);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.IssuedAtUtc)
            .Select(c => new { c.SerialNumber, c.RecipientName, c.SubjectName, c.CompletedOn, c.CreditHours, c.IssuedAtUtc, c.RevokedAtUtc })
            .ToListAsync(ct);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.PersonId == personId)
            .OrderBy(n => n.CreatedAtUtc).ToListAsync(ct);
        var preferences = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, ct);
        var reminders = await db.Set<SentReminder>().AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.SentAtUtc)
            .Select(r => new { Kind = r.Kind.ToString(), r.OccasionKey, r.SentAtUtc }).ToListAsync(ct);
        // The calendar link itself is not kept (only its hash, which is no use to anyone): say only that one exists.
        var plc = await Lms.Infrastructure.Plc.PlcPersonalData.ExportAsync(db, new Lms.Infrastructure.Plc.PlcHoursQueries(db), personId, ct);
        var calendarLink = await db.Set<CalendarFeed>().AsNoTracking().Where(f => f.PersonId == personId)
            .Select(f => new { f.CreatedAtUtc }).FirstOrDefaultAsync(ct);
        return new
        {
            ExportedAtUtc = nowUtc,
            Certificates = certificates,
            Person = new
            {
                person.Title, person.FirstName, person.LastName, person.FirstNameEn, person.LastNameEn,
                Position = person.Position.ToString(), SubjectArea = person.SubjectArea?.ToString(), School = school,
                person.IsActive, person.CreatedAtUtc, person.DeactivatedAtUtc,
            },
            Account = new { account.UserName, account.Email, account.PreferredCulture, Roles = roles },
            RecordOfChanges = changes,
            Enrolments = enrolments.Select(e => new
            {
                e.Course, Source = e.Source.ToString(), e.EnrolledAtUtc, e.CompletedAtUtc,
                Activities = e.Progress.Select(p => new { p.ActivityId, p.FirstViewedAtUtc, p.SubmittedAtUtc, p.Grade, p.CompletedAtUtc }),
            }),
            AssignmentSubmissions = submissions.Select(s => new
            {
                s.CourseId, s.ActivityId, s.Text, Files = s.Files.Select(f => f.Name), s.SubmittedAtUtc, s.Grade, s.Feedback, s.GradedAtUtc,
            }),
            QuizAttempts = attempts.Select(x => new
            {
                x.Quiz, x.Attempt.Number, State = x.Attempt.State.ToString(), x.Attempt.StartedAtUtc, x.Attempt.SubmittedAtUtc,
                x.Attempt.Mark, x.Attempt.MaxMark,
                // Answers are graded as they are saved; while the attempt is open its grades would tell the teacher which
                // answers are right (the quiz may keep that until it closes), so they are left out until it is submitted.
                Answers = x.Attempt.Questions.OrderBy(q => q.Slot).Select(q => new
                {
                    q.Slot, Answer = q.Answer, Fraction = x.Attempt.State == AttemptState.InProgress ? null : q.Fraction, q.GraderComment,
                }),
            }),
            Notifications = notifications.Select(n => new
            {
                Kind = n.Kind.ToString(), n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc, Delivery = n.Delivery.ToString(),
                n.EmailedAtUtc, n.DigestedAtUtc, n.DroppedAtUtc, DropReason = n.DropReason?.ToString(),
            }),
            NotificationChoices = Enum.GetValues<Lms.Domain.Notifications.NotificationKind>().ToDictionary(k => k.ToString(),
                k => (preferences?.ChoiceFor(k) ?? Lms.Domain.Notifications.DeliveryDefaults.For(k)).ToString()),
            NotificationChoicesChangedAtUtc = preferences?.UpdatedAtUtc,
            RemindersSent = reminders,
            CalendarLink = calendarLink,
            Plc = plc,
        };
    }
}

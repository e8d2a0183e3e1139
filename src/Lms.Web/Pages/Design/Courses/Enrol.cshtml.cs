using System.Globalization;
using System.Security.Claims;
using System.Text;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Courses;

/// <summary>
/// Enrol people in a course: one person, a whole school, a position (optionally within a school), or a
/// list of e-mails/usernames from a CSV file. Re-running never enrols anyone twice (unique index), and
/// only active people the course is for are enrolled. The page also lists who is enrolled and how far along.
/// </summary>
[RequestSizeLimit(2 * 1024 * 1024)]
public sealed class EnrolModel(LmsDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? ErrorMessage { get; set; }
    public Course Course { get; private set; } = null!;
    public List<SelectListItem> SchoolOptions { get; private set; } = [];
    public List<SelectListItem> PositionOptions { get; private set; } = [];
    public IReadOnlyList<EnrolledRow> Enrolled { get; private set; } = [];

    public sealed record EnrolledRow(string Name, string? School, Position Position, EnrolmentSource Source, DateTime EnrolledAtUtc, DateTime? CompletedAtUtc);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (course is null) return NotFound();
        Course = course;
        SchoolOptions = await Admin.Options.SchoolsAsync(db, ct);
        PositionOptions = Admin.Options.Positions(l);
        Enrolled = await (from e in db.Enrolments.AsNoTracking()
                          join p in db.People.AsNoTracking() on e.PersonId equals p.Id
                          where e.CourseId == Id
                          orderby p.FirstName
                          select new EnrolledRow(p.Title + p.FirstName + " " + p.LastName,
                              db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.NameTh).FirstOrDefault(),
                              p.Position, e.Source, e.EnrolledAtUtc, e.CompletedAtUtc)).ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostPersonAsync(string? login, CancellationToken ct) =>
        EnrolAsync(EnrolmentSource.Administrator, async course =>
        {
            var key = (login ?? "").Trim().ToUpperInvariant();
            var id = await db.Users.Where(u => u.NormalizedEmail == key || u.NormalizedUserName == key).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            return (id is null ? [] : [id.Value], id is null ? [login ?? ""] : []);
        }, ct);

    public Task<IActionResult> OnPostGroupAsync(Guid? schoolId, Position? position, CancellationToken ct) =>
        EnrolAsync(schoolId is null ? EnrolmentSource.ByPosition : EnrolmentSource.BySchool, async course =>
        {
            if (schoolId is null && position is null) return ([], []);
            var q = db.People.Where(p => p.IsActive);
            if (schoolId is { } s) q = q.Where(p => p.SchoolId == s);
            if (position is { } pos) q = q.Where(p => p.Position == pos);
            return (await q.Select(p => p.Id).ToListAsync(ct), []);
        }, ct);

    /// <summary>A CSV (UTF-8) whose first column holds e-mails or usernames, one per line; a header line is allowed.</summary>
    public Task<IActionResult> OnPostCsvAsync(IFormFile? file, CancellationToken ct) =>
        EnrolAsync(EnrolmentSource.CsvList, async course =>
        {
            if (file is null || file.Length == 0) return ([], []);
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, true));
            string text;
            try { text = await reader.ReadToEndAsync(ct); }
            catch (DecoderFallbackException) { return ([], [l["The file is not UTF-8."]]); }
            var keys = text.Split('\n').Select(line => line.Split(',', ';', '\t')[0].Trim().Trim('"').ToUpperInvariant())
                .Where(k => k.Length > 0).Distinct().ToList();
            var found = await db.Users.Where(u => keys.Contains(u.NormalizedEmail!) || keys.Contains(u.NormalizedUserName!))
                .Select(u => new { u.Id, u.NormalizedEmail, u.NormalizedUserName }).ToListAsync(ct);
            var known = found.SelectMany(u => new[] { u.NormalizedEmail, u.NormalizedUserName }).ToHashSet();
            var unknown = keys.Where(k => !known.Contains(k)).ToList();
            // A first line that names nobody and is not an e-mail is a header ("email", "อีเมล").
            if (keys.Count > 0 && !known.Contains(keys[0]) && !keys[0].Contains('@')) unknown.Remove(keys[0]);
            return (found.Select(u => u.Id).Distinct().ToList(), unknown.Select(u => u.ToLowerInvariant()).ToList());
        }, ct);

    private async Task<IActionResult> EnrolAsync(EnrolmentSource source, Func<Course, Task<(List<Guid> People, List<string> Unknown)>> pick,
        CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (course is null) return NotFound();
        var (people, unknown) = await pick(course);
        var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var eligible = await db.People.Where(p => people.Contains(p.Id) && p.IsActive).Select(p => new { p.Id, p.Position }).ToListAsync(ct);
        var forCourse = eligible.Where(p => course.IsFor(p.Position)).Select(p => p.Id).ToList();
        var already = await db.Enrolments.Where(e => e.CourseId == Id && forCourse.Contains(e.PersonId)).Select(e => e.PersonId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var personId in forCourse.Except(already))
        {
            db.Enrolments.Add(new Enrolment(Guid.NewGuid(), Id, personId, source, me, now));
            added++;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            // Someone enrolled some of them at the same moment: nothing is lost by asking to run again.
            ErrorMessage = l["Some people were enrolled by someone else at the same time. Please run it again."];
            return RedirectToPage(new { id = Id });
        }
        StatusMessage = l["{0} enrolled; {1} already enrolled; {2} not for this course or inactive.", added, already.Count,
            people.Count - forCourse.Count];
        if (unknown.Count > 0) ErrorMessage = l["Not found: {0}", string.Join(", ", unknown.Take(50))];
        return RedirectToPage(new { id = Id });
    }
}

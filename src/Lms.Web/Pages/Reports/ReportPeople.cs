using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Reports;

/// <summary>A person as a report lists them.</summary>
public sealed record ReportPerson(Guid Id, string Name, Guid? SchoolId, string? School);

public static class ReportPeople
{
    /// <summary>
    /// The people among <paramref name="ids"/> (a query, so the filtering stays in one SQL statement), of one school
    /// when <paramref name="schoolId"/> is set — the scope of a director, or a filter — sorted by name.
    /// </summary>
    public static Task<List<ReportPerson>> OfAsync(LmsDbContext db, IQueryable<Guid> ids, Guid? schoolId, CancellationToken ct) =>
        (from p in db.People.AsNoTracking()
         where ids.Contains(p.Id) && (schoolId == null || p.SchoolId == schoolId)
         orderby p.FirstName, p.LastName
         select new ReportPerson(p.Id, p.Title + p.FirstName + " " + p.LastName, p.SchoolId,
             db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.NameTh).FirstOrDefault())).ToListAsync(ct);
}

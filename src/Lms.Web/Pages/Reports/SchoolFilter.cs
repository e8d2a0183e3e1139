using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Reports;

/// <summary>The "school" choice of a report, offered to readers who see the whole office (a director sees their own school only).</summary>
public sealed record SchoolFilter(IReadOnlyList<SchoolFilter.Option> Schools, Guid? Selected)
{
    public sealed record Option(Guid Id, string Name);

    public static async Task<SchoolFilter?> ForAsync(ReportScope scope, Guid? selected, LmsDbContext db, CancellationToken ct)
    {
        if (!scope.WholeOffice) return null;
        var schools = await db.Schools.AsNoTracking().OrderBy(s => s.Code).Select(s => new Option(s.Id, s.NameTh)).ToListAsync(ct);
        return new SchoolFilter(schools, selected);
    }

    /// <summary>The query string that keeps the choice on the download links.</summary>
    public string Query => Selected is { } id ? $"&school={id}" : "";
}

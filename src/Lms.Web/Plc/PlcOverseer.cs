using System.Security.Claims;
using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Plc;

/// <summary>
/// Who is looking at PLC records and what they oversee: administrators and supervisors every group, a school director the
/// groups of their own school. A network (a group of no one school) has no director: supervisors oversee it.
/// Checked on every logbook page, approval and download (the folder policy only says who may ask at all).
/// </summary>
public sealed record PlcViewer(Guid PersonId, bool Administrator, bool Supervisor, Guid? DirectorOf)
{
    public bool OverseesAll => Administrator || Supervisor;

    /// <summary>The one school a director's lists and forms narrow to; null for those who oversee every group.</summary>
    public Guid? School => OverseesAll ? null : DirectorOf ?? Guid.Empty;

    public bool Oversees(Guid? groupSchoolId) =>
        OverseesAll || (DirectorOf is { } school && groupSchoolId == school);

    /// <summary>Members read their group's logbook; those who oversee it read and approve it.</summary>
    public bool MayRead(PlcGroup group) => group.IsMember(PersonId) || Oversees(group.SchoolId);

    /// <summary>Approving needs oversight and someone else's record (the domain refuses one's own too).</summary>
    public bool MayDecide(PlcGroup group, PlcMeeting meeting) => Oversees(group.SchoolId) && meeting.RecordedBy != PersonId;

    public static async Task<PlcViewer> ForAsync(ClaimsPrincipal user, LmsDbContext db, CancellationToken ct)
    {
        var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        Guid? directorOf = null;
        if (user.IsInRole(SystemRole.SchoolDirector))
            // A director without a school oversees nobody rather than everybody.
            directorOf = await db.People.Where(p => p.Id == id).Select(p => p.SchoolId).FirstOrDefaultAsync(ct) ?? Guid.Empty;
        return new PlcViewer(id, user.IsInRole(SystemRole.Administrator), user.IsInRole(SystemRole.Supervisor), directorOf);
    }
}

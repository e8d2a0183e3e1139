using System.Security.Claims;
using Lms.Infrastructure.Plc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lms.Web.Pages.Plc;

/// <summary>"My PLC groups": the person's rooms with unread messages, the last message's time, and links to each room and logbook.</summary>
public sealed class IndexModel(PlcRoomQueries queries) : PageModel
{
    public List<PlcRoomSummary> Rooms { get; private set; } = [];
    public bool MayManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rooms = await queries.MyRoomsAsync(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), ct);
        MayManage = User.IsInRole(Lms.Domain.Organisation.SystemRole.Administrator) || User.IsInRole(Lms.Domain.Organisation.SystemRole.Supervisor)
                    || User.IsInRole(Lms.Domain.Organisation.SystemRole.SchoolDirector);
    }
}

using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Admin;

public sealed class IndexModel(LmsDbContext db, TimeProvider clock) : PageModel
{
    public int Schools { get; private set; }
    public int People { get; private set; }
    public int Inactive { get; private set; }
    public int LockedOut { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Schools = await db.Schools.CountAsync(s => s.IsActive, ct);
        People = await db.People.CountAsync(p => p.IsActive, ct);
        Inactive = await db.People.CountAsync(p => !p.IsActive, ct);
        var now = clock.GetUtcNow();
        LockedOut = await db.Users.CountAsync(u => u.LockoutEnd != null && u.LockoutEnd > now, ct);
    }
}

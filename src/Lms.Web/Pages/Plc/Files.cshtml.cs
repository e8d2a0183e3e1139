using System.Security.Claims;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Plc;
using Lms.Web.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Plc;

/// <summary>
/// A file of a room message, at /plc/files/{message}/{n}: streamed to the room's active members only (a hidden message's
/// files to its facilitators only); anyone else, a removed member included, gets 404.
/// </summary>
public sealed class FilesModel(LmsDbContext db, PlcRoomQueries queries, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid messageId, int index, CancellationToken ct)
    {
        var message = await db.PlcMessages.AsNoTracking().Where(m => m.Id == messageId)
            .Select(m => new { m.GroupId, m.Attachments, m.HiddenAtUtc }).FirstOrDefaultAsync(ct);
        if (message is null || index < 0 || index >= message.Attachments.Count) return NotFound();
        var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (await queries.AccessAsync(message.GroupId, me, ct) is not { } access) return NotFound();
        if (message.HiddenAtUtc is not null && !access.MayModerate) return NotFound();
        var attachment = message.Attachments[index];
        var info = await files.GetInfoAsync(attachment.FileKey, ct);
        var stream = info is null ? null : await files.OpenReadAsync(attachment.FileKey, ct);
        return info is null || stream is null ? NotFound() : FileDownloads.Serve(info, stream, attachment.FileName);
    }
}

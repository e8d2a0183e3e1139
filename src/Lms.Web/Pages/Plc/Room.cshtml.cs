using System.Security.Claims;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Plc;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Plc;

/// <summary>
/// A PLC group's live room, for its members only (anyone else gets 404, as for a group that does not exist). The page is
/// a shell: wwwroot/js/plc-room.js joins the room over SignalR, keeps an outbox of unsent messages and catches up after
/// every reconnect. Files are uploaded here first (checked by content), then sent with the message.
/// </summary>
[RequestSizeLimit(UploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes)]
public sealed class RoomModel(PlcRoomQueries queries, PlcAttachmentUploads uploads, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid GroupId { get; set; }
    /// <summary>A message to open in context (from search or a mention), by sequence.</summary>
    [BindProperty(SupportsGet = true)] public long? At { get; set; }
    public PlcRoomAccess Access { get; private set; } = null!;

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.AccessAsync(GroupId, Me, ct) is not { } access) return NotFound();
        Access = access;
        return Page();
    }

    /// <summary>A file for the next message: stored if its content is a picture or document within the limits; answers its upload id.</summary>
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (await queries.AccessAsync(GroupId, Me, ct) is not { } access) return NotFound();
        if (!access.IsOpen) return BadRequest(new { error = l[DomainErrors.MessageFor("plc.room_closed")!].Value });
        if (file is null || file.Length == 0) return BadRequest(new { error = l["Please choose a file."].Value });
        await using var stream = file.OpenReadStream();
        var (check, upload) = await uploads.SaveAsync(GroupId, Me, stream, file.FileName, ct);
        if (upload is null)
            return BadRequest(new { error = UploadMessages.Describe(check, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th") });
        return new JsonResult(new { id = upload.Id, fileName = upload.FileName, contentType = upload.ContentType, size = upload.Size,
            isImage = upload.ContentType.StartsWith("image/", StringComparison.Ordinal) });
    }
}

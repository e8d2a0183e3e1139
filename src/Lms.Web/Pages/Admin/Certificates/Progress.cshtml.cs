using Lms.Infrastructure.Certificates.Issuing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lms.Web.Pages.Admin.Certificates;

/// <summary>A batch's progress bar; the page asks <c>?handler=Status</c> every second until it is done.</summary>
public sealed class ProgressModel(CertificateAdministration admin) : PageModel
{
    public BatchProgress Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid batchId, CancellationToken ct)
    {
        if (await admin.ProgressAsync(batchId, ct) is not { } p) return NotFound();
        Progress = p;
        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync(Guid batchId, CancellationToken ct) =>
        await admin.ProgressAsync(batchId, ct) is { } p
            ? new JsonResult(new { p.Total, p.Done, p.Percent, finished = p.FinishedAtUtc is not null })
            : NotFound();
}

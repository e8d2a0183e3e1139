using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lms.Web.Pages;

/// <summary>
/// Error pages for status codes, re-executed with the original method. A form posted with a missing or
/// expired antiforgery token comes back here as a POST; it must show the explanation, not fail again.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;
    public void OnPost(int code) => Code = code;
}

using Lms.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Lms.Infrastructure.Identity;

/// <summary>
/// The sign-in account of a <see cref="Person"/>; it shares the person's Id. Credentials,
/// lockout and the security stamp live here so the domain model stays free of ASP.NET Identity.
/// </summary>
public sealed class LmsUser : IdentityUser<Guid>
{
    public Person Person { get; set; } = null!;
    /// <summary>Preferred UI culture ("th-TH" or "en-US"), so the choice follows the person across devices.</summary>
    public string? PreferredCulture { get; set; }
}

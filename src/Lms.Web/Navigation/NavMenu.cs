using System.Security.Claims;
using Lms.Domain.Organisation;

namespace Lms.Web.Navigation;

/// <summary>One link of the main navigation and the roles that see it (none listed = every signed-in person).</summary>
public sealed record NavItem(string Href, string Label, params string[] Roles)
{
    public bool VisibleTo(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (Roles.Length == 0 || Roles.Any(user.IsInRole));
}

/// <summary>
/// The main navigation. A person sees only what their roles may open; the authorisation matrix
/// test checks that every link shown to a role is a page that role is allowed to use.
/// </summary>
public static class NavMenu
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("/", "Dashboard"),
        new("/Learn", "My learning"),
        new("/Learn/Catalogue", "Course catalogue"),
        new("/Learn/Certificates", "My certificates"),
        new("/Plc", "PLC"),
        new("/Plc/Groups", "PLC groups", SystemRole.Administrator, SystemRole.Supervisor, SystemRole.SchoolDirector),
        new("/Design/Courses", "Course authoring", SystemRole.CourseDesigner, SystemRole.Administrator),
        new("/Design/Questions", "Question bank", SystemRole.CourseDesigner, SystemRole.Administrator),
        new("/Design/Certificates", "Certificate templates", SystemRole.CourseDesigner, SystemRole.Administrator),
        new("/Teach/Grading", "Grading", SystemRole.Trainer, SystemRole.CourseDesigner, SystemRole.Administrator),
        new("/Reports/Courses", "Course reports", SystemRole.Trainer, SystemRole.CourseDesigner, SystemRole.Administrator,
            SystemRole.SchoolDirector),
        new("/Plc/Hours", "My PLC hours"),
        new("/Plc/Approvals", "PLC approvals", SystemRole.SchoolDirector, SystemRole.Supervisor, SystemRole.Administrator),
        new("/Plc/Reports/Hours", "PLC hours report", SystemRole.SchoolDirector, SystemRole.Supervisor, SystemRole.Administrator),
        new("/Admin", "Administration", SystemRole.Administrator),
        new("/Admin/People", "People", SystemRole.Administrator),
        new("/Admin/Schools", "Schools", SystemRole.Administrator),
        new("/Admin/Certificates", "Certificates", SystemRole.Administrator),
        new("/Admin/Audit", "Audit log", SystemRole.Administrator),
    ];

    public static IEnumerable<NavItem> For(ClaimsPrincipal user) => Items.Where(i => i.VisibleTo(user));

    public static bool IsCurrent(NavItem item, string path) =>
        item.Href == "/" ? path == "/" || path.Equals("/Index", StringComparison.OrdinalIgnoreCase)
            : path.Equals(item.Href, StringComparison.OrdinalIgnoreCase) ||
              (item.Href != "/Admin" && path.StartsWith(item.Href + "/", StringComparison.OrdinalIgnoreCase));
}

using Lms.Domain.Organisation;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace Lms.Web.Security;

/// <summary>
/// Who may open which pages, declared in one place. Everything requires a signed-in person unless
/// listed as public here; folders for an audience require that audience's policy. The authorisation
/// matrix test (tests/Lms.Web.Tests/Security/AuthorizationMatrix.cs) checks every page against it.
/// </summary>
public static class AccessConventions
{
    public static readonly string[] PublicPages =
    [
        "/Account/Login", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/Lockout",
        "/Account/AccessDenied", "/Error", "/Status", "/Culture",
        // The certificate check behind a QR code: anyone holding the (unguessable) code.
        "/Verify",
    ];

    public static void Apply(PageConventionCollection c)
    {
        c.AuthorizeFolder("/");
        foreach (var page in PublicPages) c.AllowAnonymousToPage(page);
        c.AuthorizeFolder("/Admin", Policies.Administrator);
        c.AuthorizeFolder("/Design", Policies.CourseDesign);
        c.AuthorizeFolder("/Teach", Policies.Grading);
        c.AuthorizeFolder("/Reports", Policies.CourseReports);
        // PLC: every signed-in person reaches /Plc (their groups, rooms and logbooks; membership is checked per group);
        // managing groups, approving meetings and the hours reports are for those who oversee PLC.
        c.AuthorizeFolder("/Plc/Groups", Policies.PlcOversight);
        c.AuthorizeFolder("/Plc/Approvals", Policies.PlcOversight);
        c.AuthorizeFolder("/Plc/Reports", Policies.PlcOversight);

        foreach (var page in new[] { "/Account/Login", "/Account/ForgotPassword", "/Account/ResetPassword" })
            c.AddPageApplicationModelConvention(page,
                m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.SignInPolicy)));
    }
}

public static class Policies
{
    public const string Administrator = "Administrator";
    /// <summary>Authoring courses: course designers, and administrators who stand in for them.</summary>
    public const string CourseDesign = "CourseDesign";
    /// <summary>Grading assignments: trainers, course designers and administrators.</summary>
    public const string Grading = "Grading";
    /// <summary>Course reports: trainers, designers and administrators (everyone), school directors (their school).</summary>
    public const string CourseReports = "CourseReports";

    /// <summary>
    /// Overseeing PLC: administrators and supervisors (every group), school directors (their own school's groups — the
    /// pages narrow it further by school).
    /// </summary>
    public const string PlcOversight = "PlcOversight";

    public static IServiceCollection AddLmsAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Administrator, p => p.RequireRole(SystemRole.Administrator))
            .AddPolicy(CourseDesign, p => p.RequireRole(SystemRole.CourseDesigner, SystemRole.Administrator))
            .AddPolicy(Grading, p => p.RequireRole(SystemRole.Trainer, SystemRole.CourseDesigner, SystemRole.Administrator))
            .AddPolicy(CourseReports, p => p.RequireRole(SystemRole.Trainer, SystemRole.CourseDesigner, SystemRole.Administrator,
                SystemRole.SchoolDirector))
            .AddPolicy(PlcOversight, p => p.RequireRole(SystemRole.Administrator, SystemRole.Supervisor, SystemRole.SchoolDirector));
        return services;
    }
}

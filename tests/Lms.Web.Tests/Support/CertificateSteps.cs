using Lms.Domain.Certificates;
using Lms.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Support;

public static class CertificateSteps
{
    /// <summary>An office-wide design with the default layout and <paramref name="serialFormat"/>, stored; returns its id.</summary>
    public static async Task<Guid> OfficeTemplateAsync(this LmsAppFactory app, string serialFormat = "สพม.สท {n:0000}/{fy}",
        string name = "แบบทดสอบ")
    {
        var now = DateTime.UtcNow;
        var t = new CertificateTemplate(Guid.NewGuid(), name, null, CertificateOrientation.Landscape, Guid.Empty, now);
        t.Design(t.Name, t.Orientation, CertificateTemplate.DefaultFields(t.Orientation), [], serialFormat, false, now);
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            db.CertificateTemplates.Add(t);
            await db.SaveChangesAsync();
        });
        return t.Id;
    }
}

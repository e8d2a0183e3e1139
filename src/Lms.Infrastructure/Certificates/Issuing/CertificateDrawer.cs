using System.Collections.Concurrent;
using Lms.Domain.Certificates;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Notifications.Reminders;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Certificates.Issuing;

/// <summary>
/// Draws the PDFs of recorded certificates that have none yet, stores them in the file store and tells each person.
/// Safe to run again for the same certificates (a retried or restarted job): a certificate that already has its file
/// is skipped, and if two runs draw the same one at once, the second's file is deleted instead of replacing the first.
/// </summary>
public sealed class CertificateDrawer(LmsDbContext db, ICertificateRenderer renderer, IFileStore files,
    IOptions<PublicAddressOptions> address, IEnumerable<INotifier> notifiers, ReminderSettingsStore settings) : IDisposable
{
    /// <summary>
    /// Templates prepared by this drawer (its job's scope), by id and last edit: a batch draws chunk after chunk from one
    /// template, and preparing one decodes its background (~0.6 s of CPU for a 300-dpi A4 picture) — once, not per chunk.
    /// </summary>
    private readonly Dictionary<(Guid Id, DateTime UpdatedAtUtc), PreparedCertificateTemplate> prepared = [];

    /// <summary>PDFs drawn at once: drawing is CPU work, storing is I/O; a few more than the cores keeps both busy.</summary>
    private static readonly int Parallelism = Math.Max(2, Environment.ProcessorCount + 1);

    /// <returns>How many PDFs this call drew.</returns>
    public async Task<int> DrawMissingAsync(IReadOnlyCollection<Guid> certificateIds, CancellationToken ct)
    {
        // Whether to tell people is decided before drawing: the switch as it stood when their certificates were made.
        var tell = (await settings.CurrentAsync(ct)).CertificateIssued;
        var pending = await db.Certificates.AsNoTracking()
            .Where(c => certificateIds.Contains(c.Id) && c.FileKey == null).ToListAsync(ct);
        var drawn = 0;
        foreach (var group in pending.GroupBy(c => c.TemplateId))
        {
            var template = await PreparedAsync(group.Key, ct);
            var results = new ConcurrentBag<(Guid Id, string Key)>();
            await Parallel.ForEachAsync(group, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                async (c, token) =>
                {
                    var pdf = renderer.RenderPdf(template, c.Content(address.Value.VerificationUrl(c.VerificationCode)));
                    using var stream = new MemoryStream(pdf, writable: false);
                    var stored = await files.SaveAsync(stream, "application/pdf", token);
                    results.Add((c.Id, stored.Key));
                });
            drawn += await SaveKeysAsync(results.ToList(), ct);
        }
        if (tell) await NotifyAsync(certificateIds, ct);
        return drawn;
    }

    private async Task<PreparedCertificateTemplate> PreparedAsync(Guid templateId, CancellationToken ct)
    {
        var template = await db.CertificateTemplates.AsNoTracking().FirstAsync(t => t.Id == templateId, ct);
        if (prepared.TryGetValue((template.Id, template.UpdatedAtUtc), out var ready)) return ready;
        var images = await files.LoadCertificateImagesAsync(template, ct);
        return prepared[(template.Id, template.UpdatedAtUtc)] = renderer.Prepare(template, images.Background, images.ByKey);
    }

    public void Dispose()
    {
        foreach (var p in prepared.Values) p.Dispose();
        prepared.Clear();
    }

    private async Task<int> SaveKeysAsync(List<(Guid Id, string Key)> results, CancellationToken ct)
    {
        if (results.Count == 0) return 0;
        Guid[] ids = [.. results.Select(r => r.Id)];
        string[] keys = [.. results.Select(r => r.Key)];
        // Only where no other run got there first; the losers' files are removed below.
        var taken = await db.Database.SqlQuery<Guid>($@"UPDATE certificates c SET file_key = d.key
                FROM unnest({ids}, {keys}) AS d(id, key) WHERE c.id = d.id AND c.file_key IS NULL RETURNING c.id AS ""Value""")
            .ToListAsync(ct);
        var takenSet = taken.ToHashSet();
        foreach (var orphan in results.Where(r => !takenSet.Contains(r.Id)))
            await files.DeleteAsync(orphan.Key, ct);
        return taken.Count;
    }

    /// <summary>
    /// "Your certificate is ready" once per certificate (the notifier stores one per occasion), unless administrators
    /// switched these notices off (/Admin/Reminders).
    /// </summary>
    private async Task NotifyAsync(IReadOnlyCollection<Guid> certificateIds, CancellationToken ct)
    {
        var notifier = notifiers.FirstOrDefault();
        if (notifier is null) return;
        var ready = await db.Certificates.AsNoTracking()
            .Where(c => certificateIds.Contains(c.Id) && c.FileKey != null && c.RevokedAtUtc == null)
            .Select(c => new { c.Id, c.PersonId, c.SubjectName, c.SerialNumber }).ToListAsync(ct);
        await notifier.NotifyManyAsync([.. ready.Select(c => new NotificationRequest(c.PersonId, NotificationKind.CertificateIssued,
            $"certificate:{c.Id}", "ได้รับเกียรติบัตรแล้ว", $"เกียรติบัตร {c.SubjectName} เลขที่ {c.SerialNumber} พร้อมให้ดาวน์โหลด",
            "/Learn/Certificates"))], ct);
    }
}

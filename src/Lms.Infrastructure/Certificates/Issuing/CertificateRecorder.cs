using System.Security.Cryptography;
using Lms.Domain.Calendar;
using Lms.Domain.Certificates;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Certificates.Issuing;

/// <summary>
/// Writes certificate rows with their numbers, exactly once per person and subject. In one transaction: lock the fiscal
/// year's counter row (so concurrent issuers take numbers one after the other and never leave a gap), skip the people
/// who already hold a current certificate for the subject, take the next numbers, insert. The unique index on
/// (person, subject) stands behind the check: should anything slip past it, the transaction fails and the job retries.
/// </summary>
public sealed class CertificateRecorder(LmsDbContext db, TimeProvider clock)
{
    /// <param name="reissue">For a reissue: the certificate to supersede (revoked, kept) in the same transaction, so the
    /// person is never left without a current certificate nor holding two.</param>
    /// <returns>The requests' current certificates: the ones written now and the ones that already existed.</returns>
    public async Task<IReadOnlyList<Certificate>> RecordAsync(IReadOnlyList<IssueRequest> requests, CancellationToken ct,
        Reissue? reissue = null)
    {
        if (requests.Count == 0) return [];
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var years = requests.Select(r => FiscalYear.Containing(r.CompletedOn).BuddhistYear).Distinct().Order().ToArray();
            await db.Database.ExecuteSqlInterpolatedAsync($@"INSERT INTO certificate_serial_counters (fiscal_year, last_number)
                SELECT y, 0 FROM unnest({years}) AS y ON CONFLICT (fiscal_year) DO NOTHING", ct);
            var counters = await db.Set<CertificateSerialCounter>()
                .FromSqlInterpolated($"SELECT * FROM certificate_serial_counters WHERE fiscal_year = ANY({years}) ORDER BY fiscal_year FOR UPDATE")
                .ToDictionaryAsync(c => c.FiscalYear, ct);

            if (reissue is not null)
            {
                var old = await db.Certificates.FirstAsync(c => c.Id == reissue.CertificateId, ct);
                old.Supersede(reissue.Reason, reissue.By, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
            }
            var subjects = requests.Select(r => r.SubjectId).Distinct().ToList();
            var people = requests.Select(r => r.PersonId).Distinct().ToList();
            var existing = await db.Certificates
                .Where(c => subjects.Contains(c.SubjectId) && people.Contains(c.PersonId) && c.SupersededAtUtc == null)
                .ToListAsync(ct);
            var held = existing.Select(c => (c.PersonId, c.SubjectId)).ToHashSet();
            var toWrite = requests.Where(r => held.Add((r.PersonId, r.SubjectId))).ToList();
            if (toWrite.Count == 0)
            {
                await tx.RollbackAsync(ct);
                return (IReadOnlyList<Certificate>)existing;
            }

            var names = await db.People.Where(p => people.Contains(p.Id) && p.AnonymisedAtUtc == null)
                .Select(p => new { p.Id, p.Title, p.FirstName, p.LastName }).ToDictionaryAsync(p => p.Id, ct);
            var templateIds = toWrite.Select(r => r.TemplateId).Distinct().ToList();
            var formats = await db.CertificateTemplates.Where(t => templateIds.Contains(t.Id))
                .ToDictionaryAsync(t => t.Id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var written = new List<Certificate>(toWrite.Count);
            foreach (var r in toWrite)
            {
                // An anonymised person (PDPA erasure) gets no new certificate; a missing design is a bug upstream.
                if (!names.TryGetValue(r.PersonId, out var n)) continue;
                var template = formats[r.TemplateId];
                var year = FiscalYear.Containing(r.CompletedOn);
                var running = ++counters[year.BuddhistYear].LastNumber;
                written.Add(new Certificate(Guid.NewGuid(), NewVerificationCode(), r.PersonId, r.Kind, r.SubjectId, r.TemplateId,
                    r.BatchId, year.BuddhistYear, running, template.FormatSerial(running, year),
                    $"{n.Title}{n.FirstName} {n.LastName}".Trim(), r.SubjectName, r.CompletedOn, r.CreditHours, now,
                    reissue?.CertificateId));
            }
            db.Certificates.AddRange(written);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (IReadOnlyList<Certificate>)[.. existing, .. written];
        });
    }

    /// <summary>100 random bits in base32 (20 characters): unguessable, and easy to type from a printed page.</summary>
    public static string NewVerificationCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I to misread
        Span<byte> bytes = stackalloc byte[20];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[20];
        for (var i = 0; i < 20; i++) chars[i] = alphabet[bytes[i] & 31];
        return new string(chars);
    }
}

/// <summary>Supersede <paramref name="CertificateId"/> (with the administrator's reason) by the certificate being recorded.</summary>
public sealed record Reissue(Guid CertificateId, string Reason, Guid By);

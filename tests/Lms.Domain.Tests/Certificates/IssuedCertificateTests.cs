using Lms.Domain.Certificates;
using Lms.Domain.Common;

namespace Lms.Domain.Tests.Certificates;

public sealed class IssuedCertificateTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);

    private static Certificate Issued() => new(Guid.NewGuid(), "ABCDEFGHJKLMNPQRSTUV", Guid.NewGuid(), CertificateSubjectKind.Course,
        Guid.NewGuid(), Guid.NewGuid(), null, 2570, 123, "สพม.สท 0123/2570", "นางสาวกิ่งก้อย ผู้ใฝ่รู้", "การจัดการเรียนรู้เชิงรุก",
        new DateOnly(2026, 11, 25), 12m, Now);

    [Fact]
    public void Revoking_needs_a_reason_and_leaves_the_certificate_as_it_was_without_one()
    {
        var c = Issued();
        var e = Assert.Throws<DomainException>(() => c.Revoke("  ", Guid.NewGuid(), Now));
        Assert.Equal("certificate.revoke_reason_required", e.Code);
        Assert.False(c.IsRevoked);

        c.Revoke("ชื่อสกุลพิมพ์ผิด", Guid.NewGuid(), Now);
        Assert.True(c.IsRevoked);
        Assert.Equal("ชื่อสกุลพิมพ์ผิด", c.RevokedReason);
        Assert.Equal("certificate.already_revoked", Assert.Throws<DomainException>(() => c.Revoke("อีกครั้ง", Guid.NewGuid(), Now)).Code);
    }

    [Fact]
    public void A_reissue_supersedes_once_and_revokes_what_was_still_valid()
    {
        var c = Issued();
        c.Supersede("ออกใหม่", Guid.NewGuid(), Now);
        Assert.True(c.IsRevoked);
        Assert.Equal(Now, c.SupersededAtUtc);
        Assert.Equal("certificate.already_reissued", Assert.Throws<DomainException>(() => c.Supersede("ซ้ำ", Guid.NewGuid(), Now)).Code);
    }

    [Fact]
    public void What_the_verification_page_and_the_pdf_print_is_the_snapshot_taken_at_issue()
    {
        var content = Issued().Content("https://lms.example/verify/ABCDEFGHJKLMNPQRSTUV");
        Assert.Equal("นางสาวกิ่งก้อย ผู้ใฝ่รู้", content.RecipientName);
        Assert.Equal("สพม.สท 0123/2570", content.SerialNumber);
        Assert.Equal(new DateOnly(2026, 11, 25), content.CompletionDate);
    }

    [Fact]
    public void A_batch_keeps_each_person_once_and_refuses_an_empty_or_oversized_list()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var batch = new CertificateBatch(Guid.NewGuid(), CertificateSubjectKind.TrainingEvent, Guid.NewGuid(), [a, b, a, Guid.Empty], Guid.NewGuid(), Now);
        Assert.Equal([a, b], batch.PersonIds);
        Assert.Equal(2, batch.Total);
        Assert.Equal("batch.nobody", Assert.Throws<DomainException>(() =>
            new CertificateBatch(Guid.NewGuid(), CertificateSubjectKind.TrainingEvent, Guid.NewGuid(), [], Guid.NewGuid(), Now)).Code);
        Assert.Equal("batch.too_many", Assert.Throws<DomainException>(() =>
            new CertificateBatch(Guid.NewGuid(), CertificateSubjectKind.TrainingEvent, Guid.NewGuid(),
                Enumerable.Range(0, CertificateBatch.MaxPeople + 1).Select(_ => Guid.NewGuid()), Guid.NewGuid(), Now)).Code);
    }

    [Fact]
    public void A_training_event_needs_a_name_and_a_design_and_sensible_hours()
    {
        Assert.Equal("event.name_required", Assert.Throws<DomainException>(() =>
            new TrainingEvent(Guid.NewGuid(), " ", new DateOnly(2026, 11, 20), 6, Guid.NewGuid(), Guid.NewGuid(), Now)).Code);
        Assert.Equal("event.template_required", Assert.Throws<DomainException>(() =>
            new TrainingEvent(Guid.NewGuid(), "อบรม", new DateOnly(2026, 11, 20), 6, Guid.Empty, Guid.NewGuid(), Now)).Code);
        Assert.Equal("course.hours_invalid", Assert.Throws<DomainException>(() =>
            new TrainingEvent(Guid.NewGuid(), "อบรม", new DateOnly(2026, 11, 20), -1, Guid.NewGuid(), Guid.NewGuid(), Now)).Code);
        Assert.Equal(2570, new TrainingEvent(Guid.NewGuid(), "อบรม", new DateOnly(2026, 11, 20), 6, Guid.NewGuid(), Guid.NewGuid(), Now)
            .FiscalYear.BuddhistYear);
    }
}

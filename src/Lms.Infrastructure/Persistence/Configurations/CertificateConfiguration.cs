using Lms.Domain.Certificates;
using Lms.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("certificates", t => t.HasCheckConstraint("ck_certificates_running_number", "running_number >= 1"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.Property(x => x.VerificationCode).HasMaxLength(40);
        b.Property(x => x.SerialNumber).HasMaxLength(100);
        b.Property(x => x.RecipientName).HasMaxLength(300);
        b.Property(x => x.SubjectName).HasMaxLength(400);
        b.Property(x => x.CreditHours).HasPrecision(7, 2);
        b.Property(x => x.FileKey).HasMaxLength(200);
        b.Property(x => x.RevokedReason).HasMaxLength(Certificate.MaxReasonLength);
        b.Ignore(x => x.IsRevoked);
        b.Ignore(x => x.IsReady);
        // Exactly one current certificate per person and course/event, whatever retries, double runs or a killed
        // worker do: the second insert is refused by PostgreSQL. A reissue first marks the old one superseded.
        b.HasIndex(x => new { x.PersonId, x.SubjectId }).IsUnique().HasFilter("superseded_at_utc IS NULL")
            .HasDatabaseName("ux_certificates_one_current");
        // A number is never given twice in a fiscal year.
        b.HasIndex(x => new { x.FiscalYear, x.RunningNumber }).IsUnique();
        b.HasIndex(x => x.VerificationCode).IsUnique();
        b.HasIndex(x => x.BatchId).HasFilter("batch_id IS NOT NULL");
        b.HasIndex(x => x.SubjectId);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CertificateTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingEventConfiguration : IEntityTypeConfiguration<TrainingEvent>
{
    public void Configure(EntityTypeBuilder<TrainingEvent> b)
    {
        b.ToTable("training_events");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(TrainingEvent.MaxNameLength);
        b.Property(x => x.CreditHours).HasPrecision(7, 2);
        b.Ignore(x => x.FiscalYear);
        b.HasOne<CertificateTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateBatchConfiguration : IEntityTypeConfiguration<CertificateBatch>
{
    public void Configure(EntityTypeBuilder<CertificateBatch> b)
    {
        b.ToTable("certificate_batches");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.PrimitiveCollection<Guid[]>("personIds").HasColumnName("person_ids");
        b.Ignore(x => x.PersonIds);
        b.Ignore(x => x.Total);
        b.Ignore(x => x.IsFinished);
    }
}

/// <summary>The last running number given in each fiscal year (one row per year, locked while numbers are taken).</summary>
public sealed class CertificateSerialCounter
{
    public int FiscalYear { get; set; }
    public int LastNumber { get; set; }
}

internal sealed class CertificateSerialCounterConfiguration : IEntityTypeConfiguration<CertificateSerialCounter>
{
    public void Configure(EntityTypeBuilder<CertificateSerialCounter> b)
    {
        b.ToTable("certificate_serial_counters");
        b.HasKey(x => x.FiscalYear);
        b.Property(x => x.FiscalYear).ValueGeneratedNever();
    }
}

using Lms.Domain.Certificates;
using Lms.Domain.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class CertificateTemplateConfiguration : IEntityTypeConfiguration<CertificateTemplate>
{
    public void Configure(EntityTypeBuilder<CertificateTemplate> b)
    {
        b.ToTable("certificate_templates");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.Property(x => x.Name).HasMaxLength(CertificateTemplate.MaxNameLength);
        b.Property(x => x.Orientation).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.BackgroundImageKey).HasMaxLength(200);
        b.Property(x => x.SerialNumberFormat).HasMaxLength(SerialNumberFormat.MaxLength);
        // The layout is read and written whole with the template (never queried field by field): jsonb.
        b.Property<List<CertificateField>>("fields").HasColumnName("fields").AsJson();
        b.Property<List<CertificateSignature>>("signatures").HasColumnName("signatures").AsJson();
        b.Ignore(x => x.Fields);
        b.Ignore(x => x.Signatures);
        b.Ignore(x => x.ImageKeys);
        b.Ignore(x => x.PageSize);
        b.Ignore(x => x.IsOfficeWide);
        b.HasIndex(x => x.CourseId);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

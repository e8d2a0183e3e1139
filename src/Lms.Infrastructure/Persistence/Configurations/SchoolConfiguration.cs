using Lms.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b)
    {
        b.ToTable("schools");
        // PostgreSQL's xmin as an optimistic concurrency token: two administrators editing the same
        // record cannot silently overwrite each other.
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.NameTh).HasMaxLength(200);
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.Property(x => x.District).HasMaxLength(100);
        b.Property(x => x.Province).HasMaxLength(100);
        // Two schools of one office never share a code: imports match schools by it.
        b.HasIndex(x => new { x.OfficeId, x.Code }).IsUnique();
        b.HasOne<ServiceAreaOffice>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

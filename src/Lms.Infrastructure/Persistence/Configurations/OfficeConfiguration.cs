using Lms.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<ServiceAreaOffice>
{
    public void Configure(EntityTypeBuilder<ServiceAreaOffice> b)
    {
        b.ToTable("offices");
        b.Property(x => x.NameTh).HasMaxLength(200);
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.Property(x => x.ShortCode).HasMaxLength(40);
    }
}

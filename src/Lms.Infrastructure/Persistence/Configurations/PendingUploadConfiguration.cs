using Lms.Infrastructure.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class PendingUploadConfiguration : IEntityTypeConfiguration<PendingUpload>
{
    public void Configure(EntityTypeBuilder<PendingUpload> b)
    {
        b.ToTable("pending_uploads");
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.HasIndex(x => x.CreatedAtUtc);
    }
}

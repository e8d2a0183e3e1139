using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Infrastructure.Plc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class PlcUploadConfiguration : IEntityTypeConfiguration<PlcUpload>
{
    public void Configure(EntityTypeBuilder<PlcUpload> b)
    {
        b.ToTable("plc_uploads");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FileKey).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => new { x.GroupId, x.UploadedBy });
        b.HasOne<PlcGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.UploadedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlcRoomConnectionConfiguration : IEntityTypeConfiguration<PlcRoomConnection>
{
    public void Configure(EntityTypeBuilder<PlcRoomConnection> b)
    {
        b.ToTable("plc_room_connections");
        b.HasKey(x => new { x.ConnectionId, x.GroupId });
        b.Property(x => x.ConnectionId).HasMaxLength(64);
        // Who is online in a room: the live rows of that room.
        b.HasIndex(x => new { x.GroupId, x.ExpiresAtUtc });
        b.HasOne<PlcGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

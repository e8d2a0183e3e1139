using Lms.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Type).HasMaxLength(200);
        b.Property(x => x.Payload).HasColumnType("jsonb");
        // The dispatcher's query: unprocessed rows in order.
        b.HasIndex(x => x.Id).HasFilter("processed_at_utc IS NULL").HasDatabaseName("ix_outbox_messages_pending");
    }
}

using Lms.Domain.Notifications;
using Lms.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public const string UniqueOccasionIndex = "ux_notifications_occasion";

    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.OccasionKey).HasMaxLength(Notification.OccasionKeyMaxLength);
        b.Property(x => x.Title).HasMaxLength(Notification.TitleMaxLength);
        b.Property(x => x.Body).HasMaxLength(Notification.BodyMaxLength);
        b.Property(x => x.Link).HasMaxLength(NotificationLink.MaxLength);
        // "Never twice for the same occasion": the Notifier inserts with ON CONFLICT on this index, so two reminder
        // runs (or a retried job) racing each other still store one row.
        b.HasIndex(x => new { x.PersonId, x.Kind, x.OccasionKey }, UniqueOccasionIndex).IsUnique().HasDatabaseName(UniqueOccasionIndex);
        // The bell on every page counts these: a small index of only the unread rows.
        b.HasIndex([nameof(Notification.PersonId)], "ix_notifications_unread").HasDatabaseName("ix_notifications_unread").HasFilter("read_at_utc IS NULL");
        // The notification centre, newest first.
        b.HasIndex([nameof(Notification.PersonId), nameof(Notification.CreatedAtUtc)], "ix_notifications_person_newest").HasDatabaseName("ix_notifications_person_newest")
            .IsDescending(false, true);
        // The daily digest and the e-mail sweep look only at what is still to be sent.
        b.HasIndex([nameof(Notification.PersonId)], "ix_notifications_digest_pending").HasDatabaseName("ix_notifications_digest_pending")
            .HasFilter($"delivery = {(int)DeliveryChoice.DailyDigest} AND digested_at_utc IS NULL AND dropped_at_utc IS NULL");
        b.HasIndex([nameof(Notification.EmailDueAtUtc)], "ix_notifications_email_pending").HasDatabaseName("ix_notifications_email_pending")
            .HasFilter($"delivery = {(int)DeliveryChoice.EmailToo} AND emailed_at_utc IS NULL AND dropped_at_utc IS NULL");
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsRead);
    }
}

internal sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> b)
    {
        b.ToTable("notification_preferences");
        b.HasKey(x => x.PersonId);
        b.Property(x => x.PersonId).ValueGeneratedNever();
        // Only the kinds a person changed, as {"CertificateIssued": 3}: a kind added later needs no migration.
        b.Property<Dictionary<NotificationKind, DeliveryChoice>>("choices").HasColumnName("choices").AsJson();
        b.Ignore(x => x.Choices);
        b.HasOne<Person>().WithOne().HasForeignKey<NotificationPreferences>(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Lms.Domain.Organisation;
using Lms.Infrastructure.Feeds;
using Lms.Infrastructure.Notifications.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettingsRow>
{
    public void Configure(EntityTypeBuilder<ReminderSettingsRow> b)
    {
        b.ToTable("reminder_settings", t => t.HasCheckConstraint("ck_reminder_settings_single_row", "id = 1"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Settings).HasColumnType("jsonb");
        // Two administrators editing the settings at once: the second save is refused, not silently lost.
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> b)
    {
        b.ToTable("sent_reminders");
        // One row per person and occasion: the deadline and quiz scans look the key up for each learner.
        b.HasKey(x => new { x.PersonId, x.Kind, x.OccasionKey });
        b.Property(x => x.OccasionKey).HasMaxLength(200);
        // The no-progress scan: was this enrolment reminded in its current idle spell, and how recently?
        b.HasIndex(x => new { x.Kind, x.SubjectId, x.SentAtUtc });
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("calendar_feeds");
        b.HasKey(x => x.PersonId);
        b.Property(x => x.TokenHash).HasMaxLength(32);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

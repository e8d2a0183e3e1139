using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Infrastructure.Plc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class PlcGroupConfiguration : IEntityTypeConfiguration<PlcGroup>
{
    public void Configure(EntityTypeBuilder<PlcGroup> b)
    {
        b.ToTable("plc_groups");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(PlcGroup.MaxNameLength);
        b.HasIndex(x => new { x.FiscalYear, x.SchoolId });
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Members).HasField("members").UsePropertyAccessMode(PropertyAccessMode.Field);
        // Messages move last_sequence through plc_post_message under the row lock, outside EF. An EF save of the group
        // never writes that column, so a message sent between a page's read and its save is not undone. (No xmin
        // check on the group for the same reason: every message changes the row.)
        b.Property(x => x.LastSequence).HasDefaultValue(0L)
            .Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        b.Ignore(x => x.IsNetwork);
        b.Ignore(x => x.IsRoomOpen);
        b.Ignore(x => x.Year);
    }
}

internal sealed class PlcMemberConfiguration : IEntityTypeConfiguration<PlcMember>
{
    public void Configure(EntityTypeBuilder<PlcMember> b)
    {
        b.ToTable("plc_members");
        b.HasKey(x => new { x.GroupId, x.PersonId });
        // "My groups" on the dashboard and the room list.
        b.HasIndex(x => x.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsActive);
    }
}

internal sealed class PlcMessageConfiguration : IEntityTypeConfiguration<PlcMessage>
{
    public void Configure(EntityTypeBuilder<PlcMessage> b)
    {
        b.ToTable("plc_messages");
        // The id the sending browser made: a retried send hits this key and is answered with the stored message.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Body).HasMaxLength(PlcMessage.MaxBodyLength);
        b.Property(x => x.HiddenReason).HasMaxLength(PlcMessage.MaxHideReasonLength);
        b.Property(x => x.Attachments).AsJson();
        b.PrimitiveCollection(x => x.MentionIds);
        // One number per message in a room, no repeats: catch-up and history page by it (sequence > n, sequence < n).
        b.HasIndex(x => new { x.GroupId, x.Sequence }).IsUnique();
        // No index on the text for search: a room's search walks its own messages newest first (the index above), and
        // a trigram index was dropped — in the C-locale databases the scripts make, pg_trgm finds no trigrams in Thai,
        // so it helped only Latin words while every message paid for it (a sixth of PostgreSQL's cost per message
        // at 1,000 messages/s, and stalls when its pending list was merged).
        b.HasIndex(x => x.GroupId).HasFilter("pinned_at_utc IS NOT NULL").HasDatabaseName("ix_plc_messages_pinned");
        b.HasIndex(x => x.AuthorId);
        b.HasOne<PlcGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsHidden);
        b.Ignore(x => x.IsPinned);
    }
}

internal sealed class PlcReactionConfiguration : IEntityTypeConfiguration<PlcReaction>
{
    public void Configure(EntityTypeBuilder<PlcReaction> b)
    {
        b.ToTable("plc_reactions");
        b.HasKey(x => new { x.MessageId, x.PersonId, x.Emoji });
        b.Property(x => x.Emoji).HasMaxLength(16);
        b.HasOne<PlcMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlcMeetingConfiguration : IEntityTypeConfiguration<PlcMeeting>
{
    public void Configure(EntityTypeBuilder<PlcMeeting> b)
    {
        b.ToTable("plc_meetings");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Topic).HasMaxLength(PlcMeeting.MaxTopicLength);
        b.Property(x => x.MinutesText).HasMaxLength(PlcMeeting.MaxMinutesTextLength);
        b.Property(x => x.Decisions).HasMaxLength(PlcMeeting.MaxDecisionsLength);
        b.Property(x => x.ReturnNote).HasMaxLength(PlcMeeting.MaxNoteLength);
        b.PrimitiveCollection(x => x.AttendeeIds).HasField("attendeeIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Property<List<PlcEvidence>>("evidence").HasColumnName("evidence").AsJson();
        b.Ignore(x => x.Evidence);
        // A teacher's hours: approved meetings they attended (attendee_ids @> ARRAY[person]).
        b.HasIndex(x => x.AttendeeIds).HasMethod("gin");
        b.HasIndex(x => new { x.GroupId, x.StartsAtUtc });
        // The office's hours report reads a fiscal year of every group; the reminder scan the planned meetings of the
        // next two days.
        b.HasIndex(x => x.StartsAtUtc);
        // The director's approval queue.
        b.HasIndex(x => x.Status).HasFilter($"status = {(int)PlcMeetingStatus.Submitted}").HasDatabaseName("ix_plc_meetings_submitted");
        b.HasOne<PlcGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.Ignore(x => x.FiscalYear);
        b.Ignore(x => x.Hours);
        b.Ignore(x => x.IsEditable);
        b.Ignore(x => x.CountsHours);
        b.Ignore(x => x.EndsAtUtc);
    }
}

internal sealed class PlcSettingsConfiguration : IEntityTypeConfiguration<PlcSettingsRow>
{
    public void Configure(EntityTypeBuilder<PlcSettingsRow> b)
    {
        b.ToTable("plc_settings", t => t.HasCheckConstraint("ck_plc_settings_single_row", "id = 1"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.YearlyTargetHours).HasPrecision(6, 2);
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }
}

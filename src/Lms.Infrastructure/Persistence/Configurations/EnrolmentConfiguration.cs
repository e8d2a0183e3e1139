using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.ToTable("enrolments");
        b.Property(x => x.Id).ValueGeneratedNever();
        // Two requests completing the last two activities at once must not both miss the course
        // completion (or both raise it): the second save fails on the row version and is retried.
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        // Exactly one enrolment per person and course, whatever double clicks or parallel imports do.
        b.HasIndex(x => new { x.CourseId, x.PersonId }).IsUnique();
        b.HasIndex(x => new { x.PersonId, x.CompletedAtUtc });
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Progress).WithOne().HasForeignKey(p => p.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Progress).HasField("progress").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.DomainEvents);
        b.Ignore(x => x.ProgressByActivity);
        b.Ignore(x => x.IsComplete);
    }
}

internal sealed class ActivityProgressConfiguration : IEntityTypeConfiguration<ActivityProgress>
{
    public void Configure(EntityTypeBuilder<ActivityProgress> b)
    {
        b.ToTable("activity_progress");
        b.HasKey(x => new { x.EnrolmentId, x.ActivityId });
        b.Property(x => x.Grade).HasPrecision(8, 2);
        // No foreign key to activities: progress outlives an activity removed in a later version.
        b.HasIndex(x => x.ActivityId);
    }
}

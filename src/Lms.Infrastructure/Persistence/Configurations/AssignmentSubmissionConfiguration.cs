using System.Text.Json;
using Lms.Domain.Enrolments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class AssignmentSubmissionConfiguration : IEntityTypeConfiguration<AssignmentSubmission>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<AssignmentSubmission> b)
    {
        b.ToTable("assignment_submissions");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.Property(x => x.Grade).HasPrecision(8, 2);
        b.Property<List<SubmittedFile>>("files").HasColumnName("files").HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<SubmittedFile>>(s, Json) ?? new List<SubmittedFile>(),
                new ValueComparer<List<SubmittedFile>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, f) => HashCode.Combine(h, f)), v => v.ToList()));
        b.Ignore(x => x.Files);
        b.PrimitiveCollection(x => x.RubricScores).HasField("rubricScores").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.IsGraded);
        // One submission per enrolment and assignment, whatever a double click does.
        b.HasIndex(x => new { x.EnrolmentId, x.ActivityId }).IsUnique();
        // The grading queue: ungraded submissions, oldest first.
        b.HasIndex(x => new { x.GradedAtUtc, x.SubmittedAtUtc });
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

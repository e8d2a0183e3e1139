using Lms.Domain.Courses;
using Lms.Domain.Organisation;
using Lms.Domain.Quizzes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class QuizConfiguration : IEntityTypeConfiguration<Quiz>
{
    public void Configure(EntityTypeBuilder<Quiz> b)
    {
        b.ToTable("quizzes");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.Property(x => x.Title).HasMaxLength(255);
        b.Property(x => x.PassPercent).HasPrecision(5, 2);
        b.Property<List<QuizSlot>>("slots").HasColumnName("slots").AsJson();
        b.Ignore(x => x.Slots);
        b.Ignore(x => x.QuestionCount);
        b.Ignore(x => x.MaxMark);
        b.HasIndex(x => x.CourseId);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> b)
    {
        b.ToTable("quiz_attempts", t =>
            t.HasCheckConstraint("ck_quiz_attempts_number", "number >= 1"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.Property(x => x.MaxMark).HasPrecision(10, 4);
        b.Property(x => x.Mark).HasPrecision(10, 4);
        // Exactly-once, enforced by PostgreSQL rather than trusted to C#: attempt numbers never repeat for a person, and
        // a person has at most one attempt in progress per quiz — so a double click on "start" or two tabs starting
        // at once make one attempt, and the loser of the race simply resumes it.
        b.HasIndex(x => new { x.QuizId, x.PersonId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.QuizId, x.PersonId }).IsUnique()
            .HasFilter("state = 0").HasDatabaseName("ux_quiz_attempts_one_in_progress");
        // The timer sweep looks for in-progress attempts past their deadline.
        b.HasIndex(x => x.DeadlineUtc).HasFilter("state = 0").HasDatabaseName("ix_quiz_attempts_open_deadline");
        b.HasIndex(x => new { x.PersonId, x.CourseId });
        // The trainers' queue of essays to mark starts from the few submitted attempts still waiting for a grade.
        b.HasIndex(x => x.State).HasFilter("state = 1").HasDatabaseName("ix_quiz_attempts_needs_grading");
        b.HasOne<Quiz>().WithMany().HasForeignKey(x => x.QuizId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(q => q.AttemptId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Questions).HasField("questions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.Percent);
        b.Ignore(x => x.PageCount);
    }
}

internal sealed class AttemptQuestionConfiguration : IEntityTypeConfiguration<AttemptQuestion>
{
    public void Configure(EntityTypeBuilder<AttemptQuestion> b)
    {
        b.ToTable("attempt_questions");
        b.HasKey(x => new { x.AttemptId, x.Slot });
        b.Property(x => x.MaxMark).HasPrecision(10, 4);
        b.Property(x => x.Fraction).HasPrecision(9, 7);
        b.Property(x => x.Layout).AsJson();
        b.Property(x => x.Answer).AsJson();
        b.Property(x => x.GradeState).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.QuestionId, x.Version });
        // No index on grade_state: answers are graded as they are saved, and a save that changes no indexed column can
        // be a HOT update (no index entries written). The essay queue finds its attempts by their state instead.
        b.Ignore(x => x.Response);
        b.Ignore(x => x.EarnedMark);
        b.Ignore(x => x.IsAnswered);
    }
}

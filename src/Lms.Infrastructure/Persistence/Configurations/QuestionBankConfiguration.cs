using Lms.Domain.Courses;
using Lms.Domain.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class QuestionCategoryConfiguration : IEntityTypeConfiguration<QuestionCategory>
{
    public void Configure(EntityTypeBuilder<QuestionCategory> b)
    {
        b.ToTable("question_categories");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(255);
        b.Property(x => x.IdNumber).HasMaxLength(100);
        b.HasIndex(x => new { x.CourseId, x.ParentId });
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<QuestionCategory>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.ToTable("questions");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(255);
        b.HasIndex(x => x.CategoryId);
        b.HasIndex(x => x.Tags).HasMethod("gin");
        b.HasOne<QuestionCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Versions).HasField("versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.Current);
    }
}

internal sealed class QuestionVersionConfiguration : IEntityTypeConfiguration<QuestionVersion>
{
    public void Configure(EntityTypeBuilder<QuestionVersion> b)
    {
        b.ToTable("question_versions");
        b.HasKey(x => new { x.QuestionId, x.Version });
        b.Property(x => x.Content).AsJson();
    }
}

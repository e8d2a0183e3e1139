using System.Text.Json;
using Lms.Domain.Courses;
using Lms.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class CourseCategoryConfiguration : IEntityTypeConfiguration<CourseCategory>
{
    public void Configure(EntityTypeBuilder<CourseCategory> b)
    {
        b.ToTable("course_categories");
        b.Property(x => x.NameTh).HasMaxLength(200);
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.HasOne<CourseCategory>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("courses");
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.Property(x => x.TitleTh).HasMaxLength(200);
        b.Property(x => x.TitleEn).HasMaxLength(200);
        b.Property(x => x.CoverImageKey).HasMaxLength(200);
        b.Property(x => x.CreditHours).HasPrecision(6, 2);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CompletionMode).HasConversion<string>().HasMaxLength(30);
        b.PrimitiveCollection(x => x.TargetPositions).HasField("targetPositions")
            .UsePropertyAccessMode(PropertyAccessMode.Field).ElementType().HasConversion<string>();
        b.PrimitiveCollection(x => x.ChosenActivityIds).HasField("chosenActivityIds")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.AllActivities);
        b.HasMany(x => x.Sections).WithOne().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Sections).HasField("sections").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<CourseCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.Status, x.FiscalYear });
    }
}

internal sealed class CourseSectionConfiguration : IEntityTypeConfiguration<CourseSection>
{
    public void Configure(EntityTypeBuilder<CourseSection> b)
    {
        b.ToTable("course_sections");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(200);
        b.HasMany(x => x.Activities).WithOne().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Activities).HasField("activities").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("activities");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Criterion).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.PassMark).HasPrecision(8, 2);
        b.Property(x => x.Url).HasMaxLength(2000);
        b.Property(x => x.FileKey).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.FileContentType).HasMaxLength(100);
        b.Ignore(x => x.Rules);
        b.Ignore(x => x.MaxScore);
        // The rubric is a small value list read and written with its activity: one jsonb column.
        b.Property<List<RubricCriterion>>("rubric").HasColumnName("rubric").HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<RubricCriterion>>(s, Json) ?? new List<RubricCriterion>(),
                new ValueComparer<List<RubricCriterion>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, r) => HashCode.Combine(h, r)), v => v.ToList()));
        b.Ignore(x => x.Rubric);
    }
}

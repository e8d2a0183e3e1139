using Lms.Domain.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class CourseMediaConfiguration : IEntityTypeConfiguration<CourseMedia>
{
    public void Configure(EntityTypeBuilder<CourseMedia> b)
    {
        b.ToTable("course_media");
        b.HasKey(x => new { x.CourseId, x.FileKey });
        b.Property(x => x.FileKey).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Lms.Domain.Organisation;
using Lms.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        // PostgreSQL's xmin as an optimistic concurrency token: two administrators editing the same
        // record cannot silently overwrite each other.
        b.Property<uint>(ConcurrencyToken.PropertyName).HasColumnName("xmin").HasColumnType("xid")
            .ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(60);
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.FirstNameEn).HasMaxLength(100);
        b.Property(x => x.LastNameEn).HasMaxLength(100);
        b.Property(x => x.Position).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.SubjectArea).HasConversion<string>().HasMaxLength(40);
        b.Ignore(x => x.FullName);
        // Restrict: a school with people is deactivated, never deleted.
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.SchoolId, x.Position });
        b.HasIndex(x => x.Position);
    }
}

internal sealed class LmsUserConfiguration : IEntityTypeConfiguration<LmsUser>
{
    public void Configure(EntityTypeBuilder<LmsUser> b)
    {
        // The account shares its primary key with the person it belongs to.
        b.HasOne(x => x.Person).WithOne().HasForeignKey<LmsUser>(x => x.Id).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.PreferredCulture).HasMaxLength(10);
    }
}

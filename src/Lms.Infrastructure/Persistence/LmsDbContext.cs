using Lms.Domain.Auditing;
using Lms.Domain.Certificates;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Domain.Notifications;
using Lms.Domain.Plc;
using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Auditing;
using Lms.Infrastructure.Identity;
using Lms.Infrastructure.Importing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Persistence;

public sealed class LmsDbContext(DbContextOptions<LmsDbContext> options)
    : IdentityDbContext<LmsUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<ServiceAreaOffice> Offices => Set<ServiceAreaOffice>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PendingUpload> PendingUploads => Set<PendingUpload>();
    public DbSet<CourseCategory> CourseCategories => Set<CourseCategory>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseMedia> CourseMedia => Set<CourseMedia>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<AssignmentSubmission> AssignmentSubmissions => Set<AssignmentSubmission>();
    public DbSet<QuestionCategory> QuestionCategories => Set<QuestionCategory>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionVersion> QuestionVersions => Set<QuestionVersion>();
    public DbSet<Quiz> Quizzes => Set<Quiz>();
    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();
    public DbSet<AttemptQuestion> AttemptQuestions => Set<AttemptQuestion>();
    public DbSet<CertificateTemplate> CertificateTemplates => Set<CertificateTemplate>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<TrainingEvent> TrainingEvents => Set<TrainingEvent>();
    public DbSet<CertificateBatch> CertificateBatches => Set<CertificateBatch>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreferences> NotificationPreferences => Set<NotificationPreferences>();
    public DbSet<PlcGroup> PlcGroups => Set<PlcGroup>();
    public DbSet<PlcMember> PlcMembers => Set<PlcMember>();
    public DbSet<PlcMessage> PlcMessages => Set<PlcMessage>();
    public DbSet<PlcReaction> PlcReactions => Set<PlcReaction>();
    public DbSet<PlcMeeting> PlcMeetings => Set<PlcMeeting>();
    public DbSet<Lms.Infrastructure.Plc.PlcUpload> PlcUploads => Set<Lms.Infrastructure.Plc.PlcUpload>();
    public DbSet<Lms.Infrastructure.Plc.PlcRoomConnection> PlcRoomConnections => Set<Lms.Infrastructure.Plc.PlcRoomConnection>();
    public DbSet<Lms.Infrastructure.Plc.PlcSettingsRow> PlcSettings => Set<Lms.Infrastructure.Plc.PlcSettingsRow>();

    /// <summary>Data Protection keys, shared by every app instance so cookies survive restarts and scale-out.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Who the audit log names for changes saved through this context. Contexts are pooled, so the
    /// scope that leases one sets it (DependencyInjection.AddInfrastructure) and returning the context
    /// to the pool clears it; a context without one records "system".
    /// </summary>
    public IAuditActor? AuditActor { get; set; }

    public override void Dispose()
    {
        AuditActor = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        AuditActor = null;
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LmsDbContext).Assembly);
        // Identity's tables in the same snake_case style as ours.
        builder.Entity<LmsUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }
}

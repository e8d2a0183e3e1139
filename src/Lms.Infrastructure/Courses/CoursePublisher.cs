using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lms.Domain.Courses;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lms.Infrastructure.Courses;

/// <summary>
/// Publishes a course (draft → new version stored as JSON, in one transaction) and serves the
/// published versions to learners. Versions never change once written, so they are cached in memory
/// by (course, version); only "which version is current" is read from PostgreSQL.
/// </summary>
public sealed class CoursePublisher(LmsDbContext db, IMemoryCache cache, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <exception cref="Lms.Domain.Common.DomainException">when the draft cannot be published.</exception>
    public async Task<PublishedCourse> PublishAsync(Course course, Guid publishedBy, CancellationToken ct = default)
    {
        course.Publish(clock.GetUtcNow().UtcDateTime);
        var published = PublishedCourse.From(course);
        db.Set<CourseVersion>().Add(new CourseVersion
        {
            CourseId = course.Id, Version = published.Version, PublishedAtUtc = published.PublishedAtUtc,
            PublishedBy = publishedBy, Content = JsonSerializer.Serialize(published, Json),
        });
        await db.SaveChangesAsync(ct);
        return published;
    }

    /// <summary>The version learners see now, or null for a course never published (or archived and never published).</summary>
    public async Task<PublishedCourse?> CurrentAsync(Guid courseId, CancellationToken ct = default)
    {
        var version = await db.Courses.AsNoTracking().Where(c => c.Id == courseId && c.PublishedVersion > 0)
            .Select(c => (int?)c.PublishedVersion).FirstOrDefaultAsync(ct);
        return version is { } v ? await VersionAsync(courseId, v, ct) : null;
    }

    /// <summary>The current versions of several courses with one query (lists: my learning, the grading queue).</summary>
    public async Task<IReadOnlyDictionary<Guid, PublishedCourse>> CurrentAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken ct = default)
    {
        var versions = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id) && c.PublishedVersion > 0)
            .Select(c => new { c.Id, c.PublishedVersion }).ToListAsync(ct);
        var result = new Dictionary<Guid, PublishedCourse>();
        foreach (var v in versions)
            if (await VersionAsync(v.Id, v.PublishedVersion, ct) is { } course) result[v.Id] = course;
        return result;
    }

    public async Task<PublishedCourse?> VersionAsync(Guid courseId, int version, CancellationToken ct = default)
    {
        var key = (nameof(PublishedCourse), courseId, version);
        if (cache.TryGetValue(key, out PublishedCourse? hit)) return hit;
        var json = await db.Set<CourseVersion>().AsNoTracking()
            .Where(v => v.CourseId == courseId && v.Version == version).Select(v => v.Content).FirstOrDefaultAsync(ct);
        if (json is null) return null;
        var course = JsonSerializer.Deserialize<PublishedCourse>(json, Json)!;
        cache.Set(key, course, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 });
        return course;
    }
}

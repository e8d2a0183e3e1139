using Lms.Domain.Questions;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lms.Infrastructure.Quizzes;

/// <summary>
/// Question versions by (question, version). A version never changes once written, so it is cached in memory like
/// a published course: showing and grading an attempt's twenty questions costs no query once they are warm.
/// </summary>
public sealed class QuestionContents(LmsDbContext db, IMemoryCache cache)
{
    public async Task<IReadOnlyDictionary<(Guid, int), QuestionContent>> GetAsync(
        IEnumerable<(Guid QuestionId, int Version)> keys, CancellationToken ct)
    {
        var result = new Dictionary<(Guid, int), QuestionContent>();
        var missing = new List<(Guid, int)>();
        foreach (var k in keys.Distinct())
        {
            if (cache.TryGetValue(CacheKey(k.QuestionId, k.Version), out QuestionContent? hit)) result[k] = hit!;
            else missing.Add(k);
        }
        if (missing.Count == 0) return result;
        var ids = missing.Select(m => m.Item1).Distinct().ToList();
        var rows = await db.QuestionVersions.AsNoTracking().Where(v => ids.Contains(v.QuestionId))
            .Select(v => new { v.QuestionId, v.Version, v.Content }).ToListAsync(ct);
        foreach (var r in rows)
        {
            var key = (r.QuestionId, r.Version);
            if (!missing.Contains(key)) continue;
            cache.Set(CacheKey(r.QuestionId, r.Version), r.Content, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 });
            result[key] = r.Content;
        }
        return result;
    }

    private static (string, Guid, int) CacheKey(Guid id, int version) => (nameof(QuestionContent), id, version);
}

using System.Text;
using Lms.Domain.Questions;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.QuestionFormats;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.QuestionBank;

/// <summary>A question file ready to download.</summary>
public sealed record ExportedFile(string FileName, string ContentType, byte[] Content, int Questions);

/// <summary>
/// Writes a category and everything under it as a GIFT or Moodle XML file. Categories are written with their path
/// from the bank's top (as Moodle writes <c>$course$/top/…</c>), so importing the file at the top of another bank
/// rebuilds the same tree. Embedded pictures and sounds are read back from the file store (Moodle XML carries them;
/// GIFT cannot, and its writer leaves a comment for each question it skips). Hidden questions are retired and stay out.
/// </summary>
public sealed class QuestionBankExporter(LmsDbContext db, IFileStore store, IEnumerable<IQuestionFormat> formats)
{
    public async Task<ExportedFile?> ExportAsync(Guid? courseId, Guid categoryId, string formatName, CancellationToken ct)
    {
        var format = formats.FirstOrDefault(f => f.Name == formatName);
        if (format is null) return null;
        var tree = new QuestionCategoryTree(await db.QuestionCategories.AsNoTracking().Where(c => c.CourseId == courseId).ToListAsync(ct));
        if (!tree.Contains(categoryId)) return null;
        var ids = tree.SelfAndDescendants(categoryId);

        var rows = await db.Questions.AsNoTracking()
            .Where(q => ids.Contains(q.CategoryId) && !q.Hidden)
            .Join(db.QuestionVersions, q => new { q.Id, V = q.CurrentVersion }, v => new { Id = v.QuestionId, V = v.Version },
                (q, v) => new { q.CategoryId, q.Tags, q.CreatedAtUtc, v.Content })
            .ToListAsync(ct);

        var order = tree.Flatten().Select((c, i) => (c.Category.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var categories = tree.Flatten().Where(c => ids.Contains(c.Category.Id))
            .Select(c => new InterchangeCategory(tree.PathOf(c.Category.Id), c.Category.Info, c.Category.IdNumber)).ToList();
        var questions = new List<InterchangeQuestion>(rows.Count);
        foreach (var r in rows.OrderBy(r => order[r.CategoryId]).ThenBy(r => r.CreatedAtUtc))
            questions.Add(new InterchangeQuestion(tree.PathOf(r.CategoryId), r.Content, r.Tags, await FilesAsync(r.Content, ct)));

        var text = format.Write(categories, questions);
        var extension = format.Name == "xml" ? ".xml" : ".txt";
        var contentType = format.Name == "xml" ? "application/xml; charset=utf-8" : "text/plain; charset=utf-8";
        return new ExportedFile(SafeFileName(tree.Find(categoryId)!.Name) + extension, contentType, Encoding.UTF8.GetBytes(text), questions.Count);
    }

    private async Task<IReadOnlyList<EmbeddedFile>> FilesAsync(QuestionContent content, CancellationToken ct)
    {
        var files = new List<EmbeddedFile>(content.Files.Count);
        foreach (var f in content.Files)
        {
            await using var stream = await store.OpenReadAsync(f.Key, ct);
            if (stream is null) continue; // a lost file: the question is still worth exporting
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            files.Add(new EmbeddedFile(f.Name, buffer.ToArray()));
        }
        return files;
    }

    /// <summary>The category's name as a file name: Thai kept, characters no file system takes replaced.</summary>
    public static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim().Trim('.');
        if (safe.Length > 100) safe = safe[..100];
        return safe.Length == 0 ? "questions" : safe;
    }
}

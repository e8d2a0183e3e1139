using System.Security.Cryptography;
using Lms.Domain.Questions;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Importing;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.QuestionBank;

/// <summary>Where an import goes: a bank (a course's, or the shared one when null) and a category of it (null: its top).</summary>
public sealed record ImportTarget(Guid? CourseId, Guid? CategoryId, string DefaultCategoryName);

/// <summary>What an import did; <see cref="AlreadyImported"/> when the upload had been imported by an earlier request.</summary>
public sealed record ImportOutcome(int Imported, int CategoriesCreated, bool AlreadyImported);

/// <summary>
/// Imports a planned question file into a bank in one transaction: categories by path, embedded pictures and sounds
/// into the file store, the questions with their tags. The pending upload is deleted first, in the same transaction:
/// a second request for the same upload (a double click on "import") waits for the first on that row and then finds
/// nothing to delete, so the file is imported once.
/// </summary>
public sealed class QuestionBankImporter(LmsDbContext db, IFileStore store, TimeProvider clock)
{
    public const string UploadKind = "question-import";

    /// <summary>The categories the plan would create under the target, as paths below it (for the preview).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> NewCategoriesAsync(ImportPlan plan, ImportTarget target, bool skipProblems, CancellationToken ct)
    {
        var bank = await db.QuestionCategories.AsNoTracking().Where(c => c.CourseId == target.CourseId).ToListAsync(ct);
        var categories = Categories(plan, target, bank, skipProblems, out _);
        return categories.Created.Select(categories.PathBelowTarget).ToList();
    }

    public async Task<ImportOutcome> ImportAsync(ImportPlan plan, ImportTarget target, bool skipProblems, Guid uploadId, Guid ownerId,
        Guid? by, CancellationToken ct)
    {
        if (plan.HasProblems && !skipProblems)
            throw new InvalidOperationException("A file with problems is imported only when the questions with problems are skipped.");
        var saved = new List<string>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var consumed = await db.PendingUploads
            .Where(u => u.Id == uploadId && u.OwnerId == ownerId && u.Kind == UploadKind).ExecuteDeleteAsync(ct);
        if (consumed == 0) return new ImportOutcome(0, 0, AlreadyImported: true);
        try
        {
            var bank = await db.QuestionCategories.Where(c => c.CourseId == target.CourseId).ToListAsync(ct);
            var categories = Categories(plan, target, bank, skipProblems, out var questions);
            db.QuestionCategories.AddRange(categories.Created);

            var now = clock.GetUtcNow().UtcDateTime;
            var keys = new Dictionary<string, string>(StringComparer.Ordinal); // SHA-256 → key: one stored copy per picture
            foreach (var (planned, category) in questions)
            {
                var files = new List<QuestionFile>(planned.Files.Count);
                foreach (var file in planned.Files)
                {
                    var hash = Convert.ToHexStringLower(SHA256.HashData(file.Bytes)) + file.Type.ContentType;
                    if (!keys.TryGetValue(hash, out var key))
                    {
                        using var stream = new MemoryStream(file.Bytes, writable: false);
                        key = (await store.SaveAsync(stream, file.Type.ContentType, ct)).Key;
                        saved.Add(key);
                        keys[hash] = key;
                    }
                    files.Add(new QuestionFile(file.Name, key, file.Type.ContentType));
                }
                var content = planned.Source.Content with { Files = files };
                db.Questions.Add(new Question(Guid.NewGuid(), category.Id, content, planned.Source.Tags, by, now));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ImportOutcome(questions.Count, categories.Created.Count, AlreadyImported: false);
        }
        catch
        {
            // The file store is not part of the transaction: take back what this import stored (no row names it).
            foreach (var key in saved)
                await store.DeleteAsync(key, CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>The categories for the file's described categories and for each question that will be imported.</summary>
    private static ImportCategories Categories(ImportPlan plan, ImportTarget target, IReadOnlyList<QuestionCategory> bank,
        bool skipProblems, out List<(PlannedQuestion, QuestionCategory)> questions)
    {
        if (target.CategoryId is { } id && bank.All(c => c.Id != id))
            throw new InvalidOperationException("The target category is not in the bank.");
        var categories = new ImportCategories(bank, target.CourseId, target.CategoryId, target.DefaultCategoryName, plan.Categories);
        questions = [];
        if (plan.HasProblems && !skipProblems) return categories;
        foreach (var c in plan.Categories) categories.Resolve(c.Path);
        foreach (var q in plan.Importable) questions.Add((q, categories.Resolve(q.Source.Category)));
        return categories;
    }
}

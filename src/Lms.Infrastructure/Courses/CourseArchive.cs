using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lms.Domain.Calendar;
using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Files;

namespace Lms.Infrastructure.Courses;

/// <summary>
/// A course as one .zip: <c>course.json</c> (the draft: details, sections, activities, rules) and every file
/// it uses under <c>files/</c>. Importing builds a new draft with new ids in this instance; its files go
/// through the same content checks as uploads, and Markdown links to course media are rewritten.
/// </summary>
public static class CourseArchive
{
    public const int Format = 1;
    public const int MaxEntries = 500;
    public const long MaxTotalBytes = 1024L * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record Manifest(int Format, string TitleTh, string TitleEn, string Summary, decimal CreditHours, int FiscalYear,
        List<Position> TargetPositions, bool SelfEnrolment, CourseCompletionMode CompletionMode, List<Guid> ChosenActivityIds,
        Guid SourceCourseId, List<SectionEntry> Sections, List<MediaEntry> Media);
    public sealed record SectionEntry(Guid Id, string Title, List<ActivityEntry> Activities);
    public sealed record ActivityEntry(Guid Id, ActivityKind Kind, string Title, CompletionCriterion Criterion, decimal? PassMark,
        Guid? OpensAfterActivityId, DateTime? OpensAtUtc, string Body, string? Url, string? FileKey, string? FileName,
        List<RubricCriterion> Rubric);
    public sealed record MediaEntry(string Key, string Name);

    public static async Task WriteAsync(Course course, IReadOnlyList<CourseMedia> media, IFileStore store, Stream output, CancellationToken ct)
    {
        var manifest = new Manifest(Format, course.TitleTh, course.TitleEn, course.Summary, course.CreditHours, course.FiscalYear,
            [.. course.TargetPositions], course.SelfEnrolment, course.CompletionMode, [.. course.ChosenActivityIds], course.Id,
            course.Sections.Select(s => new SectionEntry(s.Id, s.Title, s.Activities.Select(a => new ActivityEntry(a.Id, a.Kind, a.Title,
                a.Criterion, a.PassMark, a.OpensAfterActivityId, a.OpensAtUtc, a.Body, a.Url, a.FileKey, a.FileName, [.. a.Rubric])).ToList())).ToList(),
            media.Select(m => new MediaEntry(m.FileKey, m.FileName)).ToList());
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await using (var entry = await zip.CreateEntry("course.json").OpenAsync(ct))
            await JsonSerializer.SerializeAsync(entry, manifest, Json, ct);
        var keys = course.AllActivities.Where(a => a.FileKey is not null).Select(a => a.FileKey!).Concat(media.Select(m => m.FileKey)).Distinct();
        foreach (var key in keys)
        {
            await using var content = await store.OpenReadAsync(key, ct);
            if (content is null) continue; // a file lost from the store is reported at import as missing
            await using var entry = await zip.CreateEntry(EntryName(key), CompressionLevel.Fastest).OpenAsync(ct);
            await content.CopyToAsync(entry, ct);
        }
    }

    /// <exception cref="DomainException">with code archive.* when the file is not a valid course archive.</exception>
    public static async Task<(Course Course, List<CourseMedia> Media)> ReadAsync(Stream input, IFileStore store, UploadRules rules,
        Guid importedBy, DateTime nowUtc, CancellationToken ct)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true); }
        // Short or garbled input fails in several ways inside ZipArchive; all of them mean "not a zip".
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
        {
            throw new DomainException("archive.not_zip", "Not a zip file.");
        }
        using (zip)
        {
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxTotalBytes)
                throw new DomainException("archive.too_large", "The archive is too large.");
            var manifestEntry = zip.GetEntry("course.json") ?? throw new DomainException("archive.no_manifest", "course.json is missing.");
            Manifest manifest;
            try
            {
                await using var s = await manifestEntry.OpenAsync(ct);
                manifest = await JsonSerializer.DeserializeAsync<Manifest>(s, Json, ct) ?? throw new JsonException();
            }
            catch (JsonException) { throw new DomainException("archive.bad_manifest", "course.json cannot be read."); }
            if (manifest.Format != Format) throw new DomainException("archive.format", "Unknown archive format.");

            var keys = new Dictionary<string, StoredFile>();
            async Task<StoredFile> Copy(string oldKey, string name)
            {
                if (keys.TryGetValue(oldKey, out var done)) return done;
                var entry = zip.GetEntry(EntryName(oldKey)) ?? throw new DomainException("archive.file_missing", $"A file is missing: {name}");
                using var buffer = new MemoryStream();
                await using (var s = await entry.OpenAsync(ct)) await CopyLimitedAsync(s, buffer, UploadLimits.MaxRequestBytes, ct);
                buffer.Position = 0;
                var check = await rules.CheckAsync(buffer, name, FileCategory.CourseContent, ct);
                if (!check.IsValid) throw new DomainException("archive.file_refused", $"A file is not allowed: {name}");
                buffer.Position = 0;
                return keys[oldKey] = await store.SaveAsync(buffer, check.Type!.ContentType, ct);
            }

            var course = new Course(Guid.NewGuid(), manifest.TitleTh, manifest.TitleEn, new FiscalYear(manifest.FiscalYear),
                manifest.CreditHours, importedBy, nowUtc);
            var media = new List<CourseMedia>();
            var mediaUrls = new Dictionary<string, string>();
            foreach (var m in manifest.Media)
            {
                var stored = await Copy(m.Key, m.Name);
                media.Add(new CourseMedia(course.Id, stored.Key, m.Name, nowUtc));
                mediaUrls[$"/Media/{manifest.SourceCourseId}/{m.Key}"] = $"/Media/{course.Id}/{stored.Key}";
            }
            string Rewrite(string markdown) => mediaUrls.Aggregate(markdown ?? "", (text, kv) => text.Replace(kv.Key, kv.Value));

            course.Describe(manifest.TitleTh, manifest.TitleEn, Rewrite(manifest.Summary), manifest.CreditHours, new FiscalYear(manifest.FiscalYear));
            course.Target(manifest.TargetPositions);
            course.SetEnrolment(manifest.SelfEnrolment, null, null);
            var ids = new Dictionary<Guid, Guid>();
            var rules2 = new List<(Guid NewId, ActivityEntry Entry)>();
            foreach (var s in manifest.Sections)
            {
                var section = course.AddSection(Guid.NewGuid(), s.Title);
                foreach (var a in s.Activities)
                {
                    var id = ids[a.Id] = Guid.NewGuid();
                    Activity activity = a.Kind switch
                    {
                        ActivityKind.Page => Activity.NewPage(id, a.Title, Rewrite(a.Body)),
                        ActivityKind.Link => Activity.NewLink(id, a.Title, a.Url ?? ""),
                        ActivityKind.Assignment => Activity.NewAssignment(id, a.Title, Rewrite(a.Body), a.Rubric),
                        ActivityKind.Quiz => Activity.NewQuiz(id, a.Title),
                        ActivityKind.File when a.FileKey is not null => await FileActivity(id, a),
                        _ => throw new DomainException("archive.bad_manifest", "An activity cannot be read."),
                    };
                    course.AddActivity(section.Id, activity);
                    rules2.Add((id, a));
                }
            }
            foreach (var (id, a) in rules2)
                course.ChangeActivity(id, x => x.SetRules(a.Criterion, a.PassMark,
                    a.OpensAfterActivityId is { } after && ids.TryGetValue(after, out var mapped) ? mapped : null, a.OpensAtUtc));
            course.SetCompletion(manifest.CompletionMode, manifest.ChosenActivityIds.Where(ids.ContainsKey).Select(x => ids[x]));
            return (course, media);

            async Task<Activity> FileActivity(Guid id, ActivityEntry a)
            {
                var stored = await Copy(a.FileKey!, a.FileName ?? "file");
                return Activity.NewFile(id, a.Title, stored.Key, a.FileName ?? "file", stored.ContentType, stored.Length);
            }
        }
    }

    private static string EntryName(string key) => "files/" + key.Replace('/', '_');

    /// <summary>Declared sizes in a zip can lie (a "zip bomb"): stop reading past the limit whatever they say.</summary>
    private static async Task CopyLimitedAsync(Stream from, Stream to, long limit, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limit) throw new DomainException("archive.too_large", "A file in the archive is too large.");
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }
}

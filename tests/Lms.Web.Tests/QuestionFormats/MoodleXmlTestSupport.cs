using System.Text.Json;
using System.Xml.Linq;
using Lms.Domain.Questions;
using Lms.Infrastructure.QuestionFormats;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.QuestionFormats;

internal static class MoodleXmlTestSupport
{
    public static readonly MoodleXmlFormat Format = new();

    public static ImportResult ReadFixture(string relative) => Format.Read(MoodleFixtures.Read(relative));

    public static ImportResult ReadValidFixture(string relative)
    {
        var result = ReadFixture(relative);
        Assert.Empty(result.Problems);
        return result;
    }

    /// <summary>The content as stored: polymorphic JSON, so two contents are equal when their JSON is.</summary>
    public static string Json(QuestionContent content) => JsonSerializer.Serialize(content);

    public static string Json(IReadOnlyList<InterchangeCategory> categories) => JsonSerializer.Serialize(categories);

    public static IReadOnlyDictionary<string, string> FileHashes(IEnumerable<EmbeddedFile> files) =>
        files.ToDictionary(f => f.Name, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(f.Bytes)));

    /// <summary>
    /// The files of the question starting at <paramref name="line"/>, decoded straight from the fixture (every
    /// <c>&lt;file&gt;</c> and <c>&lt;image_base64&gt;</c> under it), for checking what the reader found.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FixtureFiles(string relative, int line)
    {
        var document = XDocument.Parse(MoodleFixtures.Read(relative), LoadOptions.SetLineInfo);
        var question = document.Root!.Elements("question").Single(q => ((System.Xml.IXmlLineInfo)q).LineNumber == line);
        var files = question.Descendants("file")
            .Select(f => new EmbeddedFile((string)f.Attribute("name")!, Convert.FromBase64String(f.Value)))
            .Concat(question.Elements("image_base64")
                .Select(i => new EmbeddedFile(question.Element("image")!.Value.Trim(), Convert.FromBase64String(i.Value))))
            .DistinctBy(f => f.Name);
        return FileHashes(files);
    }

    /// <summary>Read, write, read again: the same categories, the same contents, tags, id numbers and files.</summary>
    public static void AssertRoundTrip(ImportResult first)
    {
        var written = Format.Write(first.Categories, first.Questions);
        var second = Format.Read(written);

        Assert.Empty(second.Problems);
        Assert.Equal(Json(first.Categories), Json(second.Categories));
        Assert.Equal(first.Questions.Count, second.Questions.Count);
        for (var i = 0; i < first.Questions.Count; i++)
        {
            var (a, b) = (first.Questions[i], second.Questions[i]);
            Assert.Equal(a.Category, b.Category);
            Assert.Equal(Json(a.Content), Json(b.Content));
            Assert.Equal(a.Tags, b.Tags);
            Assert.Equal(a.IdNumber, b.IdNumber);
            Assert.Equal(FileHashes(a.Files), FileHashes(b.Files));
        }

        // Writing what was read back gives the same file again.
        Assert.Equal(written, Format.Write(second.Categories, second.Questions));
    }
}

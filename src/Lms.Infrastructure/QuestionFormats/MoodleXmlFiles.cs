using System.Xml.Linq;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>
/// The files of one question. Moodle keeps files per text (question text, each answer, each feedback…) and writes
/// them as <c>&lt;file name= path= encoding="base64"&gt;</c> inside the element whose text refers to them; here a
/// question has one list, so a second file with the same name but other bytes is renamed, and the text that
/// refers to it follows.
/// </summary>
internal sealed class MoodleXmlFiles
{
    public const string PluginFile = "@@PLUGINFILE@@/";

    private readonly List<EmbeddedFile> files = [];
    private readonly HashSet<XElement> taken = [];
    /// <summary>The files kept for each name the file used, renamed or not.</summary>
    private readonly Dictionary<string, List<EmbeddedFile>> byName = new(StringComparer.Ordinal);

    public IReadOnlyList<EmbeddedFile> All => files;

    /// <summary>Takes the <c>&lt;file&gt;</c> children of <paramref name="owner"/>; returns <paramref name="text"/> with renamed files' references changed.</summary>
    public string Take(XElement? owner, string text)
    {
        if (owner is null) return text;
        foreach (var element in owner.Elements("file"))
        {
            var (name, newName) = Add(element);
            if (newName != name) text = Rename(text, name, newName);
        }

        return text;
    }

    /// <summary>Adds a file that is not an XML element (Moodle 1.9's <c>&lt;image_base64&gt;</c>).</summary>
    public string Add(string name, byte[] bytes)
    {
        if (!byName.TryGetValue(name, out var sameName)) byName[name] = sameName = [];
        if (sameName.FirstOrDefault(f => f.Bytes.AsSpan().SequenceEqual(bytes)) is { } same) return same.Name;
        var file = new EmbeddedFile(files.Any(f => f.Name == name) ? UniqueName(name) : name, bytes);
        files.Add(file);
        sameName.Add(file);
        return file.Name;
    }

    /// <summary>Takes <c>&lt;file&gt;</c> elements anywhere else in the question (hints, instructions…), so no file is lost.</summary>
    public void TakeRest(XElement question)
    {
        foreach (var element in question.Descendants("file").ToList())
            if (!taken.Contains(element)) Add(element);
    }

    private (string Name, string NewName) Add(XElement element)
    {
        taken.Add(element);
        var name = NameOf(element);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(element.Value);
        }
        catch (FormatException)
        {
            throw new MoodleXmlQuestionException("xml.invalid_file", $"The file \"{name}\" is not valid base64.");
        }

        return (name, Add(name, bytes));
    }

    private static string NameOf(XElement element)
    {
        var name = MoodleXmlText.Trim((string?)element.Attribute("name"));
        if (name.Length == 0 || name.Contains('/'))
            throw new MoodleXmlQuestionException("xml.invalid_file", $"A file has no usable name (\"{name}\").");
        var path = MoodleXmlText.Trim((string?)element.Attribute("path") ?? "/").Trim('/');
        return path.Length == 0 ? name : path + "/" + name;
    }

    private string UniqueName(string name)
    {
        var slash = name.LastIndexOf('/');
        var dot = name.LastIndexOf('.');
        var (stem, extension) = dot > slash + 1 ? (name[..dot], name[dot..]) : (name, "");
        for (var i = 2; ; i++)
        {
            var candidate = $"{stem}-{i}{extension}";
            if (files.All(f => f.Name != candidate)) return candidate;
        }
    }

    private static string Rename(string text, string name, string newName) =>
        text.Replace(PluginFile + name, PluginFile + newName, StringComparison.Ordinal)
            .Replace(PluginFile + EscapePath(name), PluginFile + EscapePath(newName), StringComparison.Ordinal);

    /// <summary>How Moodle writes a file's name in a URL: each part of the path URL-encoded.</summary>
    public static string EscapePath(string name) => string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Whether <paramref name="text"/> refers to the file <paramref name="name"/>.</summary>
    public static bool IsUsedBy(string text, string name) =>
        text.Contains(PluginFile + name, StringComparison.Ordinal) ||
        text.Contains(PluginFile + EscapePath(name), StringComparison.Ordinal);
}

/// <summary>One question cannot be read; the others go on.</summary>
internal sealed class MoodleXmlQuestionException(IReadOnlyList<(string Code, string Message)> problems)
    : Exception(string.Join(" ", problems.Select(p => p.Message)))
{
    public MoodleXmlQuestionException(string code, string message) : this([(code, message)])
    {
    }

    public IReadOnlyList<(string Code, string Message)> Problems { get; } = problems;
}

namespace Lms.Web.Tests.Support;

/// <summary>
/// Moodle's own question-bank test files, kept beside the project in <c>../shared/fixtures/moodle/</c> under the
/// paths they have in the Moodle repository (see that folder's README). Read from there, never copied here.
/// </summary>
public static class MoodleFixtures
{
    /// <summary>The full path of a fixture, e.g. <c>question/format/gift/tests/fixtures/questions.gift.txt</c>.</summary>
    public static string PathOf(string relative) =>
        Path.Combine(RepoRoot(), "..", "shared", "fixtures", "moodle", relative);

    /// <summary>The fixture's text, exactly as stored (UTF-8, line endings untouched).</summary>
    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string RepoRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("LMS_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lms.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Lms.sln above {AppContext.BaseDirectory}; set LMS_REPO_ROOT.");
    }
}

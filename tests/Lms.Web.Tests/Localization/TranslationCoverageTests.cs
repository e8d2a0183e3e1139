using System.Globalization;
using System.Text.RegularExpressions;
using Lms.Web.Localization;
using Lms.Web.Navigation;

namespace Lms.Web.Tests.Localization;

/// <summary>Every interface text used in code or pages has a Thai translation (Thai is the first language).</summary>
public sealed partial class TranslationCoverageTests
{
    private static readonly string WebRoot = Path.Combine(RepoRoot(), "src", "Lms.Web");

    [Fact]
    public void Every_text_in_pages_and_code_has_a_Thai_translation()
    {
        var thai = JsonStringLocalizer.LoadThai();
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/bin/") && !f.Contains("/obj/")))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerKey().Matches(text)) used.Add(Regex.Unescape(m.Groups[1].Value));
            foreach (Match m in ErrorMessage().Matches(text)) used.Add(Regex.Unescape(m.Groups[1].Value));
        }
        foreach (var item in NavMenu.Items) used.Add(item.Label);
        foreach (var p in Enum.GetValues<Lms.Domain.Organisation.Position>()) used.Add(DomainNames.Of(p));
        foreach (var s in Enum.GetValues<Lms.Domain.Organisation.SubjectArea>()) used.Add(DomainNames.Of(s));
        foreach (var r in Lms.Domain.Organisation.SystemRole.All) used.Add(DomainNames.OfRole(r));
        foreach (var v in Enum.GetValues<Lms.Domain.Courses.CourseStatus>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Courses.ActivityKind>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Courses.CompletionCriterion>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Quizzes.GradingMethod>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Quizzes.AttemptState>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Quizzes.QuizRole>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Questions.QuestionType>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Certificates.CertificateFieldKind>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Certificates.FieldAlignment>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Certificates.CertificateOrientation>()) used.Add(DomainNames.Of(v));
        foreach (var m in DomainErrors.AllMessages) used.Add(m);
        foreach (var m in QuestionProblemText.AllMessages) used.Add(m);
        foreach (var v in Enum.GetValues<Lms.Domain.Questions.QuestionType>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Questions.OrderingGrading>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Notifications.NotificationKind>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Notifications.DeliveryChoice>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Plc.PlcRole>()) used.Add(DomainNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Plc.PlcCycleStep>()) used.Add(Lms.Web.Plc.PlcNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Plc.PlcMeetingStatus>()) used.Add(Lms.Web.Plc.PlcNames.Of(v));
        foreach (var v in Enum.GetValues<Lms.Domain.Plc.PlcRole>()) used.Add(Lms.Web.Plc.PlcNames.RoleName(v));

        var missing = used.Where(k => !thai.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "No Thai for:\n" + string.Join("\n", missing));
        Assert.True(used.Count > 150, $"only {used.Count} texts found: is the scan still finding them?");
    }

    [Fact]
    public void Thai_translations_keep_the_placeholders_of_the_English_text()
    {
        foreach (var (english, thai) in JsonStringLocalizer.LoadThai())
            Assert.True(Placeholders(english).SetEquals(Placeholders(thai)), $"{english} → {thai}");
    }

    [Fact]
    public void The_localizer_answers_Thai_under_th_TH_and_English_otherwise()
    {
        var l = new JsonStringLocalizerFactory().Create(typeof(SharedResource));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = LocalizationSetup.Thai;
            Assert.Equal("เข้าสู่ระบบ", l["Sign in"].Value);
            CultureInfo.CurrentUICulture = LocalizationSetup.English;
            Assert.Equal("Sign in", l["Sign in"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static HashSet<string> Placeholders(string s) => Placeholder().Matches(s).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\b[Ll]\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"ErrorMessage\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lms.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Lms.sln not found above the test folder");
    }
}

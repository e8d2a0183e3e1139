using Lms.Domain.Organisation;

namespace Lms.Infrastructure.Importing;

/// <summary>Reads a learning area written as the enum name or as the curriculum's Thai name, with or
/// without the "กลุ่มสาระการเรียนรู้" prefix that schools often put in front.</summary>
internal static class SubjectAreaNames
{
    public static IReadOnlyDictionary<SubjectArea, string> Thai { get; } = new Dictionary<SubjectArea, string>
    {
        [SubjectArea.Thai] = "ภาษาไทย",
        [SubjectArea.Mathematics] = "คณิตศาสตร์",
        [SubjectArea.ScienceAndTechnology] = "วิทยาศาสตร์และเทคโนโลยี",
        [SubjectArea.SocialStudies] = "สังคมศึกษา ศาสนา และวัฒนธรรม",
        [SubjectArea.HealthAndPhysicalEducation] = "สุขศึกษาและพลศึกษา",
        [SubjectArea.Arts] = "ศิลปะ",
        [SubjectArea.CareerEducation] = "การงานอาชีพ",
        [SubjectArea.ForeignLanguages] = "ภาษาต่างประเทศ",
        [SubjectArea.LearnerDevelopment] = "กิจกรรมพัฒนาผู้เรียน",
        [SubjectArea.Guidance] = "แนะแนว",
    };

    /// <summary>Short forms, and the name the career area had before the 2560 revision.</summary>
    private static readonly (string Name, SubjectArea Area)[] Aliases =
    [
        ("วิทยาศาสตร์", SubjectArea.ScienceAndTechnology),
        ("สังคมศึกษา", SubjectArea.SocialStudies),
        ("การงานอาชีพและเทคโนโลยี", SubjectArea.CareerEducation),
        ("กิจกรรมแนะแนว", SubjectArea.Guidance),
    ];

    // Longest first, so "กลุ่มสาระการเรียนรู้" is removed whole rather than leaving "การเรียนรู้".
    private static readonly string[] Prefixes = [ImportKey.Of("กลุ่มสาระการเรียนรู้"), ImportKey.Of("กลุ่มสาระ")];

    private static readonly Dictionary<string, SubjectArea> ByKey = Build();

    public static SubjectArea? Parse(string value)
    {
        var key = ImportKey.Of(value);
        foreach (var prefix in Prefixes)
            if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal)) { key = key[prefix.Length..]; break; }
        return ByKey.TryGetValue(key, out var area) ? area : null;
    }

    private static Dictionary<string, SubjectArea> Build()
    {
        var map = Enum.GetValues<SubjectArea>().ToDictionary(a => ImportKey.Of(a.ToString()), StringComparer.Ordinal);
        foreach (var (area, name) in Thai) map[ImportKey.Of(name)] = area;
        foreach (var (name, area) in Aliases) map[ImportKey.Of(name)] = area;
        return map;
    }
}

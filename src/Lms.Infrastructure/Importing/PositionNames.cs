using Lms.Domain.Organisation;

namespace Lms.Infrastructure.Importing;

/// <summary>Reads a position written as the enum name ("AssistantTeacher") or in Thai, as staff lists write it.</summary>
internal static class PositionNames
{
    /// <summary>The official Thai name of each position, as the template and its help sheet show it.</summary>
    public static IReadOnlyDictionary<Position, string> Thai { get; } = new Dictionary<Position, string>
    {
        [Position.AssistantTeacher] = "ครูผู้ช่วย",
        [Position.Teacher] = "ครู",
        [Position.EducationalPersonnel] = "บุคลากรทางการศึกษา",
        [Position.SchoolDirector] = "ผู้บริหารสถานศึกษา",
        [Position.Supervisor] = "ศึกษานิเทศก์",
        [Position.External] = "บุคคลภายนอก",
    };

    /// <summary>Other Thai words for the same position. Deputy directors are school administrators too.</summary>
    private static readonly (string Name, Position Position)[] Aliases =
    [
        ("ผู้อำนวยการ", Position.SchoolDirector),
        ("ผู้อำนวยการสถานศึกษา", Position.SchoolDirector),
        ("ผู้อำนวยการโรงเรียน", Position.SchoolDirector),
        ("รองผู้อำนวยการ", Position.SchoolDirector),
        ("รองผู้อำนวยการสถานศึกษา", Position.SchoolDirector),
        ("รองผู้อำนวยการโรงเรียน", Position.SchoolDirector),
        ("วิทยากร", Position.External),
    ];

    private static readonly Dictionary<string, Position> ByKey = Build();

    public static Position? Parse(string value) => ByKey.TryGetValue(ImportKey.Of(value), out var p) ? p : null;

    private static Dictionary<string, Position> Build()
    {
        // Built from names only: Enum.TryParse would also accept "2" or "99".
        var map = Enum.GetValues<Position>().ToDictionary(p => ImportKey.Of(p.ToString()), StringComparer.Ordinal);
        foreach (var (position, name) in Thai) map[ImportKey.Of(name)] = position;
        foreach (var (name, position) in Aliases) map[ImportKey.Of(name)] = position;
        return map;
    }
}

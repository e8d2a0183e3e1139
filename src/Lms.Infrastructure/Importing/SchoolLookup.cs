using Lms.Domain.Common;

namespace Lms.Infrastructure.Importing;

/// <summary>Finds a school the way staff lists name it: by code, or by Thai name with or without "โรงเรียน".</summary>
internal sealed class SchoolLookup
{
    private static readonly string SchoolPrefix = ImportKey.Of("โรงเรียน");

    private readonly Dictionary<string, StaffImportSchool> byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, StaffImportSchool> byNumericCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StaffImportSchool>> byName = new(StringComparer.Ordinal);

    public SchoolLookup(IEnumerable<StaffImportSchool> schools)
    {
        foreach (var school in schools)
        {
            var code = Text.Clean(school.Code);
            byCode.TryAdd(code, school);
            if (IsDigits(code)) byNumericCode.TryAdd(code.TrimStart('0'), school);
            var name = NameKey(school.NameTh);
            if (!byName.TryGetValue(name, out var list)) byName[name] = list = [];
            list.Add(school);
        }
    }

    public StaffImportSchool? ByCode(string code)
    {
        code = Text.Clean(code);
        if (byCode.TryGetValue(code, out var school)) return school;
        // Excel turns a typed code into a number and drops its leading zeros.
        return IsDigits(code) && byNumericCode.TryGetValue(code.TrimStart('0'), out school) ? school : null;
    }

    /// <summary>Every school with that name: none, one, or (for a name shared by two schools) several.</summary>
    public IReadOnlyList<StaffImportSchool> ByName(string name) =>
        byName.TryGetValue(NameKey(name), out var list) ? list : [];

    private static string NameKey(string name)
    {
        var key = ImportKey.Of(name);
        return key.Length > SchoolPrefix.Length && key.StartsWith(SchoolPrefix, StringComparison.Ordinal)
            ? key[SchoolPrefix.Length..]
            : key;
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}

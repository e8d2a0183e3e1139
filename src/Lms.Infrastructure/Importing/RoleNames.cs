using Lms.Domain.Organisation;

namespace Lms.Infrastructure.Importing;

/// <summary>Splits a roles cell ("Learner, Trainer" or "Learner;Trainer" or "Learner Trainer") into
/// <see cref="SystemRole"/> names, matched ignoring case and returned in their canonical spelling.</summary>
internal static class RoleNames
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];

    public static (IReadOnlyList<string> Known, IReadOnlyList<string> Unknown) Parse(string cell)
    {
        var known = new List<string>();
        var unknown = new List<string>();
        foreach (var token in cell.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var role = SystemRole.All.FirstOrDefault(r => string.Equals(r, token, StringComparison.OrdinalIgnoreCase));
            if (role is null) unknown.Add(token);
            else if (!known.Contains(role)) known.Add(role);
        }
        return (known, unknown);
    }
}

namespace Lms.Infrastructure.Importing;

/// <summary>
/// Flags rows of one file that would create the same account. Both rows get the error, each naming
/// the other, so whichever one the admin looks at says where the clash is.
/// </summary>
internal static class InFileDuplicates
{
    public static void Flag(IReadOnlyList<StaffImportRow> rows)
    {
        foreach (var group in GroupsOf(rows, r => r.Email))
            foreach (var row in group)
                row.AddError(StaffImportColumns.Email, StaffImportErrorCodes.EmailDuplicate, row.Email, Other(group, row).RowNumber);

        foreach (var group in GroupsOf(rows, r => r.UserName))
            foreach (var row in group)
            {
                // Rows with the same e-mail already say so; a user name taken from that e-mail adds nothing.
                var other = group.FirstOrDefault(o => o != row && !SameKey(o.Email, row.Email));
                if (other is not null)
                    row.AddError(StaffImportColumns.UserName, StaffImportErrorCodes.UserNameDuplicate, row.UserName, other.RowNumber);
            }
    }

    private static IEnumerable<List<StaffImportRow>> GroupsOf(IReadOnlyList<StaffImportRow> rows, Func<StaffImportRow, string> key) =>
        rows.Where(r => key(r).Length > 0)
            .GroupBy(r => StaffImportContext.Normalise(key(r)), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.ToList());

    private static StaffImportRow Other(List<StaffImportRow> group, StaffImportRow row) => group[0] == row ? group[1] : group[0];

    private static bool SameKey(string a, string b) =>
        StaffImportContext.Normalise(a) == StaffImportContext.Normalise(b);
}

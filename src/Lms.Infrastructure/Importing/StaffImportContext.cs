namespace Lms.Infrastructure.Importing;

/// <summary>A school as the import needs it: how users name it, and whether people may still be placed there.</summary>
public sealed record StaffImportSchool(Guid Id, string Code, string NameTh, bool IsActive);

/// <summary>
/// What the parser must know from the database, loaded by the caller, so that parsing stays pure
/// and testable. E-mails and user names are compared the way ASP.NET Identity normalises them
/// (upper-case invariant); pass either NormalizedEmail/NormalizedUserName or the raw values.
/// </summary>
public sealed class StaffImportContext
{
    private readonly HashSet<string> existingEmails;
    private readonly HashSet<string> existingUserNames;

    public StaffImportContext(IEnumerable<StaffImportSchool> schools, IEnumerable<string> existingEmails,
        IEnumerable<string> existingUserNames)
    {
        Schools = schools.ToArray();
        this.existingEmails = existingEmails.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        this.existingUserNames = existingUserNames.Select(Normalise).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<StaffImportSchool> Schools { get; }
    public IReadOnlySet<string> ExistingEmails => existingEmails;
    public IReadOnlySet<string> ExistingUserNames => existingUserNames;

    public bool EmailExists(string email) => existingEmails.Contains(Normalise(email));
    public bool UserNameExists(string userName) => existingUserNames.Contains(Normalise(userName));

    /// <summary>Same as Identity's UpperInvariantLookupNormalizer.</summary>
    public static string Normalise(string value) => value.Trim().ToUpperInvariant();
}

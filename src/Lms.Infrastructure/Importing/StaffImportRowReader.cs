using Lms.Domain.Common;
using Lms.Domain.Organisation;
using C = Lms.Infrastructure.Importing.StaffImportColumns;
using E = Lms.Infrastructure.Importing.StaffImportErrorCodes;

namespace Lms.Infrastructure.Importing;

/// <summary>
/// Turns one sheet row into a <see cref="StaffImportRow"/>, collecting every error rather than
/// stopping at the first, so the admin can fix the whole file in one go.
/// Duplicates between rows are found afterwards by <see cref="InFileDuplicates"/>.
/// </summary>
internal sealed class StaffImportRowReader(HeaderMap map, StaffImportContext context)
{
    private readonly SchoolLookup schools = new(context.Schools);

    public StaffImportRow Read(SheetRow sheetRow)
    {
        var row = new StaffImportRow(sheetRow.Number);
        var cells = new Cells(map, sheetRow, row);
        ReadEmailAndUserName(cells, row);
        row.Title = cells.Text(C.Title, StaffImportLimits.TitleMaxLength, required: false);
        row.FirstName = cells.Text(C.FirstName, StaffImportLimits.NameMaxLength, required: true);
        row.LastName = cells.Text(C.LastName, StaffImportLimits.NameMaxLength, required: true);
        row.FirstNameEn = cells.Text(C.FirstNameEn, StaffImportLimits.NameMaxLength, required: false);
        row.LastNameEn = cells.Text(C.LastNameEn, StaffImportLimits.NameMaxLength, required: false);
        ReadPosition(cells, row);
        ReadSchool(cells, row);
        ReadSubjectArea(cells, row);
        ReadRoles(cells, row);
        return row;
    }

    private void ReadEmailAndUserName(Cells cells, StaffImportRow row)
    {
        var email = cells.Text(C.Email, StaffImportLimits.EmailMaxLength, required: true);
        if (email.Length > 0)
        {
            if (!AccountNameRules.IsValidEmail(email)) row.AddError(C.Email, E.EmailInvalid, email);
            else
            {
                row.Email = email;
                if (context.EmailExists(email)) row.AddError(C.Email, E.EmailExists, email);
            }
        }

        var given = cells.Get(C.UserName);
        if (given is null) return; // the cell held a national ID, already reported
        var userName = given.Length > 0 ? given : AccountNameRules.DefaultUserName(row.Email);
        // No user name and no valid e-mail to take one from: the e-mail error already says what to fix.
        if (userName.Length == 0) return;
        if (userName.Length > StaffImportLimits.UserNameMaxLength)
            row.AddError(C.UserName, E.TooLong, StaffImportLimits.UserNameMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else if (!AccountNameRules.IsValidUserName(userName)) row.AddError(C.UserName, E.UserNameInvalid, userName);
        else
        {
            row.UserName = userName;
            if (context.UserNameExists(userName)) row.AddError(C.UserName, E.UserNameExists, userName);
        }
    }

    private static void ReadPosition(Cells cells, StaffImportRow row)
    {
        var text = cells.Text(C.Position, maxLength: int.MaxValue, required: true);
        if (text.Length == 0) return;
        row.Position = PositionNames.Parse(text);
        if (row.Position is null) row.AddError(C.Position, E.PositionUnknown, text);
    }

    private void ReadSchool(Cells cells, StaffImportRow row)
    {
        var code = cells.Get(C.SchoolCode);
        var name = cells.Get(C.School);
        if (code is null || name is null) return; // a national ID, already reported

        StaffImportSchool? byCode = null, byName = null;
        var failed = false;
        if (code.Length > 0)
        {
            byCode = schools.ByCode(code);
            if (byCode is null) { row.AddError(C.SchoolCode, E.SchoolCodeUnknown, code); failed = true; }
        }
        if (name.Length > 0)
        {
            var found = schools.ByName(name);
            if (found.Count == 1) byName = found[0];
            else { row.AddError(C.School, found.Count == 0 ? E.SchoolNameUnknown : E.SchoolAmbiguous, name); failed = true; }
        }
        if (byCode is not null && byName is not null && byCode.Id != byName.Id)
        {
            row.AddError(C.School, E.SchoolMismatch, name);
            return;
        }

        var school = byCode ?? byName;
        if (school is null)
        {
            if (!failed && row.Position is { } position && Person.RequiresSchool(position))
                row.AddError(C.SchoolCode, E.SchoolRequired, Text.Clean(map.Cell(cells.SheetRow, C.Position)));
            return;
        }
        if (!school.IsActive) row.AddError(byCode is not null ? C.SchoolCode : C.School, E.SchoolInactive, byCode is not null ? code : name);
        else row.SchoolId = school.Id;
    }

    private static void ReadSubjectArea(Cells cells, StaffImportRow row)
    {
        var text = cells.Text(C.SubjectArea, maxLength: int.MaxValue, required: false);
        if (text.Length == 0) return;
        row.SubjectArea = SubjectAreaNames.Parse(text);
        if (row.SubjectArea is null) row.AddError(C.SubjectArea, E.SubjectUnknown, text);
    }

    private static void ReadRoles(Cells cells, StaffImportRow row)
    {
        var text = cells.Text(C.Roles, maxLength: int.MaxValue, required: false);
        var (known, unknown) = RoleNames.Parse(text);
        foreach (var role in unknown) row.AddError(C.Roles, E.RoleUnknown, role);
        row.Roles = text.Length == 0 ? [SystemRole.Learner] : known;
    }

    /// <summary>The cells of one row, cleaned, with the checks every column shares.</summary>
    private sealed class Cells(HeaderMap map, SheetRow sheetRow, StaffImportRow row)
    {
        public SheetRow SheetRow => sheetRow;

        /// <summary>The cleaned cell; null when it held a national ID, which is then reported (without
        /// echoing it) and never used, whatever column it was typed into.</summary>
        public string? Get(string column)
        {
            var value = Lms.Domain.Common.Text.Clean(map.Cell(sheetRow, column));
            if (!NationalIdPattern.OccursIn(value)) return value;
            row.AddError(column, E.NationalIdInCell);
            return null;
        }

        /// <summary>The cleaned cell, or "" after reporting it missing, too long, or a national ID.</summary>
        public string Text(string column, int maxLength, bool required)
        {
            var value = Get(column);
            if (value is null) return "";
            if (value.Length == 0)
            {
                if (required) row.AddError(column, E.Required);
                return "";
            }
            if (value.Length > maxLength)
            {
                row.AddError(column, E.TooLong, maxLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return "";
            }
            return value;
        }
    }
}

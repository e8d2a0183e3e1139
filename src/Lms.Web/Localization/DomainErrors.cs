using Lms.Domain.Common;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Localization;

/// <summary>Turns a <see cref="DomainException"/> code into a sentence in the reader's language.</summary>
public static class DomainErrors
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["text.too_long"] = "A value is too long.",
        ["person.first_name_required"] = "Please enter the first name.",
        ["person.last_name_required"] = "Please enter the last name.",
        ["person.position_invalid"] = "Please choose a position.",
        ["person.subject_invalid"] = "Please choose a subject area from the list.",
        ["person.school_required"] = "Teachers, assistant teachers and school directors must belong to a school.",
        ["person.anonymised"] = "This person's data was erased; the record can no longer be changed or reactivated.",
        ["school.code_required"] = "Please enter the school code.",
        ["school.name_required"] = "Please enter the school's Thai name.",
        ["school.office_required"] = "A school must belong to the office.",
    };

    public static string Describe(DomainException e, IStringLocalizer l) =>
        Messages.TryGetValue(e.Code, out var text) ? l[text] : l["The data is not valid."];

    /// <summary>Every English message, for the test that checks each has a Thai translation.</summary>
    public static IEnumerable<string> AllMessages => Messages.Values.Append("The data is not valid.");
}

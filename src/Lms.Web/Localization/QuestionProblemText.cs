using Microsoft.Extensions.Localization;

namespace Lms.Web.Localization;

/// <summary>
/// Problems with questions in the reader's language: Moodle's editing rules (the codes of
/// <see cref="Lms.Domain.Questions.QuestionValidation"/>, shared with <see cref="DomainErrors"/>), the cloze syntax, and
/// what the GIFT and Moodle XML readers and the bank's import refuse. A code not listed here (a reader may add one)
/// falls back to the problem's own English message, so nothing is ever shown blank.
/// </summary>
public static class QuestionProblemText
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["cloze.placeholder_in_text"] = "The text contains a gap placeholder such as {#1}: write the gap itself instead.",
        ["cloze.gap_no_choices"] = "A gap has no answers: write them after its type, e.g. {1:MULTICHOICE:=right~wrong}.",
        ["cloze.too_complex"] = "The gaps take too long to read: look for a } that should be written \\}.",
        ["cloze.gap_weight_too_large"] = "A gap's weight is too large.",
        ["cloze.gap_invalid_fraction"] = "A gap's answer has a grade that is not one of Moodle's grades.",
        ["cloze.numerical_not_number"] = "A numerical gap's answer must be a number (e.g. -1.234 or 3e8) or *.",
        ["gift.unclosed_brace"] = "A { has no } after it.",
        ["gift.unopened_brace"] = "A } has no { before it.",
        ["gift.no_answers"] = "The question has too few answers for its type.",
        ["gift.invalid_fraction"] = "A %weight% is not one of Moodle's grades (e.g. %33% instead of %33.33333%).",
        ["gift.fractions_sum"] = "With several right answers, the positive weights must add up to 100 %.",
        ["gift.no_full_marks"] = "No answer is worth 100 %, so nobody could get full marks.",
        ["gift.numerical_invalid"] = "A numerical answer or tolerance is not a number.",
        ["gift.matching_format"] = "A matching line has no \"->\".",
        ["gift.matching_too_few"] = "A matching question needs at least 2 pairs with a prompt.",
        ["gift.unknown_type"] = "The answers fit no question type.",
        ["gift.unreadable"] = "The question could not be read.",
        ["xml.too_large"] = "The file is too large.",
        ["xml.not_moodle_xml"] = "This is not a Moodle XML question file (it does not start with <quiz>).",
        ["xml.malformed"] = "The file is not well-formed XML.",
        ["xml.dtd_not_allowed"] = "The file has a DOCTYPE, which is not accepted.",
        ["xml.no_questions"] = "The file has no questions.",
        ["xml.unsupported_type"] = "Questions of this type cannot be imported.",
        ["xml.unreadable_question"] = "The question could not be read.",
        ["xml.missing_name"] = "The question has no name.",
        ["xml.invalid_file"] = "An embedded file is damaged or has no usable name.",
        ["xml.invalid_number"] = "A value that should be a number is not.",
        ["xml.invalid_fraction"] = "An answer's grade is not one of Moodle's grades.",
        ["xml.too_few_answers"] = "The question has too few answers for its type.",
        ["xml.no_full_marks"] = "No answer is worth 100 %, so nobody could get full marks.",
        ["xml.fractions_do_not_add_up"] = "With several right answers, the positive grades must add up to 100 %.",
        ["xml.numerical_not_number"] = "A numerical answer is not a number.",
        ["xml.unsupported_grading"] = "This ordering question's grading type is not supported.",
        ["import.unknown_format"] = "Upload a GIFT file (.txt or .gift) or a Moodle XML file (.xml).",
        ["import.empty"] = "The file is empty.",
        ["import.too_large"] = "The file is larger than 10 MB.",
        ["import.not_text"] = "The file is not text saved as UTF-8.",
        ["import.not_xml"] = "The file is not XML.",
        ["import.no_questions"] = "The file holds no questions.",
        ["import.file_not_allowed"] = "An embedded file is not a picture or a sound (PNG, JPEG, GIF, WebP, MP3, Ogg, WAV), or its name does not fit its content.",
        ["import.file_too_large"] = "An embedded file is too large.",
    };

    public static string Describe(string code, string english, IStringLocalizer l)
    {
        var message = DomainErrors.MessageFor(code) ?? Messages.GetValueOrDefault(code);
        return message is null ? english : l[message];
    }

    /// <summary>Every English message, for the test that checks each has a Thai translation.</summary>
    public static IEnumerable<string> AllMessages => Messages.Values;
}

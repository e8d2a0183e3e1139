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
        ["course.title_required"] = "Please enter the course title in Thai.",
        ["course.hours_invalid"] = "Credit hours must be between 0 and 1000.",
        ["course.fiscal_year_invalid"] = "Enter the fiscal year in the Buddhist Era, e.g. 2570.",
        ["course.enrolment_window_invalid"] = "Enrolment must close after it opens.",
        ["course.completion_choose"] = "Choose at least one activity that completes the course.",
        ["course.completion_untracked"] = "An activity that completes the course must have a completion rule.",
        ["course.publish_empty"] = "Add at least one activity before publishing.",
        ["course.publish_nothing_to_complete"] = "No activity can be completed, so the course could never be completed.",
        ["section.title_required"] = "Please enter a title.",
        ["section.not_found"] = "That section is no longer in this course. Please reload the page.",
        ["activity.title_required"] = "Please enter a title.",
        ["activity.not_found"] = "That activity is no longer in this course. Please reload the page.",
        ["activity.url_invalid"] = "A link must be a web address starting with https:// or http://.",
        ["activity.file_required"] = "Please choose a file.",
        ["activity.criterion_invalid"] = "That completion rule does not fit this kind of activity.",
        ["activity.pass_mark_required"] = "Please enter a pass mark.",
        ["activity.pass_mark_too_high"] = "The pass mark is above the highest possible score.",
        ["activity.restriction_self"] = "An activity cannot wait for itself.",
        ["activity.restriction_missing"] = "An activity waits for one that is no longer in the course.",
        ["activity.restriction_cycle"] = "Some activities wait for each other in a circle, so none of them could ever open.",
        ["activity.has_dependants"] = "Another activity opens after this one; change that activity first.",
        ["activity.not_open"] = "This activity is not open yet.",
        ["rubric.required"] = "An assignment needs at least one rubric line.",
        ["rubric.title_required"] = "Each rubric line needs a description.",
        ["rubric.points_positive"] = "Rubric points must be more than zero.",
        ["rubric.line_invalid"] = "Write each rubric line as: what is judged | points",
        ["category.name_required"] = "Please enter the category's Thai name.",
        ["submission.empty"] = "Write something or attach a file.",
        ["submission.too_many_files"] = "At most 5 files can be handed in.",
        ["submission.graded"] = "This work has been graded; ask the trainer to reopen it to hand in again.",
        ["grade.out_of_range"] = "A score is outside its rubric line's range.",
        ["grade.rubric_mismatch"] = "Give a score for every rubric line.",
        ["grade.nothing_submitted"] = "Nothing has been handed in yet.",
        ["enrolment.missing"] = "You are not enrolled in this course.",
        ["quiz.title_required"] = "Please enter the quiz title.",
        ["quiz.closes_before_opens"] = "The quiz must close after it opens.",
        ["quiz.time_limit_invalid"] = "A time limit is between 1 minute and 24 hours.",
        ["quiz.attempts_invalid"] = "Attempts allowed is between 0 (no limit) and 100.",
        ["quiz.pass_invalid"] = "The pass mark is a percentage from 0 to 100.",
        ["quiz.method_invalid"] = "Please choose a grading method.",
        ["quiz.per_page_invalid"] = "Questions per page is between 0 (all on one page) and 50.",
        ["quiz.pretest_only_for_posttest"] = "Only a post-test can require the pre-test.",
        ["quiz.locked"] = "Someone has already attempted this quiz, so its questions can no longer change.",
        ["quiz.too_many_slots"] = "A quiz holds at most 200 questions.",
        ["quiz.mark_invalid"] = "A question's mark must be above 0 and at most 1000.",
        ["quiz.random_count_invalid"] = "Draw between 1 and 200 random questions.",
        ["quiz.not_open"] = "This quiz is not open now.",
        ["quiz.no_attempts_left"] = "You have used all your attempts.",
        ["quiz.no_questions"] = "This quiz has no questions yet.",
        ["quiz.not_enough_questions"] = "A category has fewer questions than the quiz draws at random. Please tell the course designer.",
        ["quiz.pretest_first"] = "Please take the pre-test first.",
        ["attempt.not_found"] = "That attempt was not found.",
        ["attempt.already_submitted"] = "That attempt has just been submitted. Please start again.",
        ["attempt.answer_too_large"] = "The answer is too long.",
        ["attempt.no_such_question"] = "That question is not in this attempt. Please reload the page.",
        ["attempt.not_submitted"] = "The attempt has not been submitted yet.",
        ["question.name_required"] = "Please enter the question's name.",
        ["question.type_changed"] = "A question keeps its type; make a new question instead.",
        ["question.too_many_tags"] = "A question has at most 20 tags.",
    };

    public static string Describe(DomainException e, IStringLocalizer l) =>
        Messages.TryGetValue(e.Code, out var text) ? l[text] : l["The data is not valid."];

    /// <summary>Every English message, for the test that checks each has a Thai translation.</summary>
    public static IEnumerable<string> AllMessages => Messages.Values.Append("The data is not valid.");
}

using Lms.Domain.Questions;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>What each question type adds after the common part (format.php writequestion's switch, and qtype_ordering's export_to_xml).</summary>
internal sealed partial class MoodleXmlWriter
{
    private void MultipleChoice(MultipleChoiceQuestion q)
    {
        xml.Append("    <single>").Append(q.Single ? "true" : "false").Append("</single>\n");
        xml.Append("    <shuffleanswers>").Append(q.Shuffle ? "true" : "false").Append("</shuffleanswers>\n");
        xml.Append("    <answernumbering>abc</answernumbering>\n");
        xml.Append("    <showstandardinstruction>0</showstandardinstruction>\n");
        CombinedFeedback(q.Feedback);
        foreach (var choice in q.Choices) Answer(choice.Fraction, choice.Text, choice.Feedback, format, withFiles: true);
    }

    private void TrueFalse(TrueFalseQuestion q)
    {
        Answer(q.CorrectAnswer ? 1m : 0m, "true", q.TrueFeedback, "moodle_auto_format", withFiles: false);
        Answer(q.CorrectAnswer ? 0m : 1m, "false", q.FalseFeedback, "moodle_auto_format", withFiles: false);
    }

    private void ShortAnswer(ShortAnswerQuestion q)
    {
        xml.Append("    <usecase>").Append(q.CaseSensitive ? '1' : '0').Append("</usecase>\n");
        foreach (var answer in q.Answers) Answer(answer.Fraction, answer.Text, answer.Feedback, "moodle_auto_format", withFiles: false);
    }

    private void Numerical(NumericalQuestion q)
    {
        foreach (var answer in q.Answers)
            Answer(answer.Fraction, answer.Value is { } value ? MoodleXmlText.Number(value) : "*", answer.Feedback, "moodle_auto_format",
                withFiles: false, extra: "      <tolerance>" + MoodleXmlText.Number(answer.Tolerance) + "</tolerance>\n");

        if (q.Units.Count > 0)
        {
            xml.Append("    <units>\n");
            foreach (var unit in q.Units)
            {
                xml.Append("      <unit>\n");
                xml.Append("        <multiplier>").Append(MoodleXmlText.Number(unit.Multiplier)).Append("</multiplier>\n");
                xml.Append("        <unit_name>").Append(MoodleXmlText.Attribute(unit.Unit)).Append("</unit_name>\n");
                xml.Append("      </unit>\n");
            }

            xml.Append("    </units>\n");
        }

        // unitgradingtype 1: a wrong or missing unit costs unitpenalty of the mark; showunits 0: typed in, 3: no units.
        xml.Append("    <unitgradingtype>").Append(q.UnitRequired && q.Units.Count > 0 ? '1' : '0').Append("</unitgradingtype>\n");
        xml.Append("    <unitpenalty>").Append(MoodleXmlText.Mark(q.UnitPenalty)).Append("</unitpenalty>\n");
        xml.Append("    <showunits>").Append(q.Units.Count > 0 ? '0' : '3').Append("</showunits>\n");
        xml.Append("    <unitsleft>0</unitsleft>\n");
    }

    private void Matching(MatchingQuestion q)
    {
        xml.Append("    <shuffleanswers>").Append(q.Shuffle ? "true" : "false").Append("</shuffleanswers>\n");
        CombinedFeedback(q.Feedback);
        foreach (var pair in q.Pairs)
        {
            xml.Append("    <subquestion format=\"").Append(format).Append("\">\n");
            Text(3, pair.Prompt);
            Files(pair.Prompt, unreferenced: false);
            xml.Append("      <answer>\n");
            Text(4, pair.Answer);
            xml.Append("      </answer>\n");
            xml.Append("    </subquestion>\n");
        }
    }

    private void Ordering(OrderingQuestion q)
    {
        xml.Append("    <layouttype>VERTICAL</layouttype>\n");
        xml.Append("    <selecttype>ALL</selecttype>\n");
        xml.Append("    <selectcount>").Append(q.Items.Count).Append("</selectcount>\n");
        xml.Append("    <gradingtype>").Append(q.Grading switch
        {
            OrderingGrading.AllOrNothing => "ALL_OR_NOTHING",
            OrderingGrading.AbsolutePosition => "ABSOLUTE_POSITION",
            _ => "RELATIVE_NEXT_EXCLUDE_LAST",
        }).Append("</gradingtype>\n");
        xml.Append("    <showgrading>SHOW</showgrading>\n");
        CombinedFeedback(q.Feedback);
        for (var i = 0; i < q.Items.Count; i++)
        {
            // The fraction of an ordering answer is its position, as qtype_ordering writes it.
            xml.Append("    <answer fraction=\"").Append(MoodleXmlText.Mark(i + 1)).Append("\" format=\"").Append(format).Append("\">\n");
            Text(3, q.Items[i]);
            Files(q.Items[i], unreferenced: false);
            xml.Append("    </answer>\n");
        }
    }

    private void Essay(EssayQuestion q)
    {
        xml.Append("    <responseformat>editor</responseformat>\n");
        xml.Append("    <responserequired>1</responserequired>\n");
        xml.Append("    <responsefieldlines>15</responsefieldlines>\n");
        xml.Append("    <minwordlimit>").Append(q.MinWords).Append("</minwordlimit>\n");
        xml.Append("    <maxwordlimit>").Append(q.MaxWords).Append("</maxwordlimit>\n");
        xml.Append("    <attachments>0</attachments>\n");
        xml.Append("    <attachmentsrequired>0</attachmentsrequired>\n");
        xml.Append("    <maxbytes>0</maxbytes>\n");
        xml.Append("    <filetypeslist></filetypeslist>\n");
        TextElement(2, "graderinfo", q.GraderInfo);
        // Moodle keeps no files with the response template.
        xml.Append("    <responsetemplate format=\"").Append(format).Append("\">\n");
        Text(3, q.ResponseTemplate);
        xml.Append("    </responsetemplate>\n");
    }

    private void CombinedFeedback(CombinedFeedback feedback)
    {
        TextElement(2, "correctfeedback", feedback.Correct);
        TextElement(2, "partiallycorrectfeedback", feedback.PartiallyCorrect);
        TextElement(2, "incorrectfeedback", feedback.Incorrect);
    }

    /// <summary>write_answer: the fraction as a percentage, the answer's text and its feedback.</summary>
    private void Answer(decimal fraction, string text, string feedback, string answerFormat, bool withFiles, string extra = "")
    {
        xml.Append("    <answer fraction=\"").Append(MoodleXmlText.Percent(fraction)).Append("\" format=\"").Append(answerFormat).Append("\">\n");
        Text(3, text);
        if (withFiles) Files(text, unreferenced: false);
        TextElement(3, "feedback", feedback);
        xml.Append(extra);
        xml.Append("    </answer>\n");
    }

    /// <summary>Every text of a question that may refer to a file.</summary>
    private static IEnumerable<string> Texts(QuestionContent content)
    {
        yield return QuestionText(content);
        yield return content.GeneralFeedback;
        IEnumerable<string> more = content switch
        {
            MultipleChoiceQuestion q => q.Choices.SelectMany(c => new[] { c.Text, c.Feedback }).Concat(Feedback(q.Feedback)),
            TrueFalseQuestion q => [q.TrueFeedback, q.FalseFeedback],
            ShortAnswerQuestion q => q.Answers.Select(a => a.Feedback),
            NumericalQuestion q => q.Answers.Select(a => a.Feedback),
            MatchingQuestion q => q.Pairs.Select(p => p.Prompt).Concat(Feedback(q.Feedback)),
            OrderingQuestion q => q.Items.Concat(Feedback(q.Feedback)),
            EssayQuestion q => [q.GraderInfo],
            _ => [],
        };
        foreach (var text in more) yield return text;
    }

    private static IEnumerable<string> Feedback(CombinedFeedback feedback) =>
        [feedback.Correct, feedback.PartiallyCorrect, feedback.Incorrect];
}

using System.Globalization;
using System.Xml.Linq;
using Lms.Domain.Questions;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>The question types with answers that carry a fraction: multichoice, truefalse, shortanswer, numerical.</summary>
internal sealed partial class MoodleXmlReader
{
    /// <summary>import_multichoice, then the checks qtype_multichoice's save_question_options makes.</summary>
    private MultipleChoiceQuestion ReadMultichoice()
    {
        var content = Headers(new MultipleChoiceQuestion());
        var answers = question.Elements("answer").ToList();
        var fractions = CheckedFractions(answers, content.Name);
        var choices = answers
            .Select((answer, i) => new Choice(Field(answer), fractions[i], Field(answer.Element("feedback"))))
            .Where(choice => choice.Text.Length > 0)
            .ToList();
        var single = MoodleXmlText.ToBool(First("single", "true"));

        if (choices.Count < 2)
            throw new MoodleXmlQuestionException("xml.too_few_answers", "A multiple choice question needs at least 2 answers.");
        if (single && choices.Max(c => c.Fraction) != 1m)
            throw new MoodleXmlQuestionException("xml.no_full_marks",
                $"One of the answers should be worth 100% (the best is {MoodleXmlText.Percent(choices.Max(c => c.Fraction))}%).");
        var positive = Math.Round(choices.Where(c => c.Fraction > 0).Sum(c => c.Fraction), 2);
        if (!single && positive != 1m)
            throw new MoodleXmlQuestionException("xml.fractions_do_not_add_up",
                $"The positive grades must add up to 100%; they add up to {MoodleXmlText.Percent(positive)}%.");

        return content with
        {
            Choices = choices,
            Single = single,
            Shuffle = MoodleXmlText.ToBool(First("shuffleanswers", "false")),
            Feedback = CombinedFeedback(),
        };
    }

    /// <summary>
    /// import_truefalse: the answers are found by their text, "true" and "false"; in old files with other texts
    /// the first is true and the second false.
    /// </summary>
    private TrueFalseQuestion ReadTrueFalse()
    {
        var content = Headers(new TrueFalseQuestion());
        var first = true;
        foreach (var answer in question.Elements("answer"))
        {
            var text = PlainField(answer);
            var isTrue = text == "true" || (text != "false" && first);
            var fraction = Fraction(answer) ?? 0m;
            var feedback = Field(answer.Element("feedback"));
            content = isTrue
                ? content with { CorrectAnswer = fraction == 1m, TrueFeedback = feedback }
                : content with { CorrectAnswer = fraction != 1m, FalseFeedback = feedback };
            first = false;
        }

        return content;
    }

    /// <summary>import_shortanswer: answers are plain text; usecase 1 makes them case-sensitive.</summary>
    private ShortAnswerQuestion ReadShortAnswer()
    {
        var content = Headers(new ShortAnswerQuestion());
        var answers = question.Elements("answer").ToList();
        var fractions = CheckedFractions(answers, content.Name);
        return content with
        {
            Answers = answers
                .Select((answer, i) => new Choice(PlainField(answer), fractions[i], Field(answer.Element("feedback"))))
                .Where(choice => choice.Text.Length > 0)
                .ToList(),
            CaseSensitive = MoodleXmlText.ToBool(First("usecase", "0")),
        };
    }

    /// <summary>import_numerical: answers with a tolerance, "*" for any number; units with multipliers.</summary>
    private NumericalQuestion ReadNumerical()
    {
        var content = Headers(new NumericalQuestion());
        var answers = question.Elements("answer").ToList();
        var fractions = CheckedFractions(answers, content.Name);
        var numbers = new List<NumericalAnswer>();
        for (var i = 0; i < answers.Count; i++)
        {
            var text = PlainField(answers[i]);
            if (text.Length == 0) continue;
            decimal? value = null;
            if (text != "*")
            {
                if (!MoodleXmlText.TryParseNumber(text, out var parsed))
                    throw new MoodleXmlQuestionException("xml.numerical_not_number",
                        $"The answer \"{text}\" must be a number, for example -1.234 or 3e8, or '*'.");
                value = parsed;
            }

            numbers.Add(new NumericalAnswer(value, Math.Abs(Number(answers[i].Element("tolerance"), 0m, "tolerance")), fractions[i],
                Field(answers[i].Element("feedback"))));
        }

        var units = question.Elements("units").Take(1).Elements("unit")
            .Select(unit => new NumericalUnit(
                MoodleXmlText.Trim(unit.Element("unit_name")?.Value),
                Number(unit.Element("multiplier"), 1m, "multiplier")))
            .Where(unit => unit.Unit.Length > 0)
            .ToList();

        return content with
        {
            Answers = numbers,
            Units = units,
            UnitPenalty = Number(question.Element("unitpenalty"), 0.1m, "unitpenalty"),
            // unitgradingtype 0: the unit is optional; 1 or 2: it is graded (a penalty for a wrong or missing one).
            UnitRequired = units.Count > 0 && int.TryParse(First("unitgradingtype", "0"), NumberStyles.Integer,
                CultureInfo.InvariantCulture, out var grading) && grading != 0,
        };
    }
}

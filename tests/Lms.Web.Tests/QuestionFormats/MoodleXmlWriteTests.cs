using System.Xml.Linq;
using Lms.Domain.Questions;
using Lms.Infrastructure.QuestionFormats;
using static Lms.Web.Tests.QuestionFormats.MoodleXmlTestSupport;

namespace Lms.Web.Tests.QuestionFormats;

/// <summary>Questions written here, in Thai, as Moodle's exporter would write them, and read back unchanged.</summary>
public class MoodleXmlWriteTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly byte[] Mp3 = "ID3 เสียง"u8.ToArray();

    private static readonly IReadOnlyList<string> Science = ["วิทยาศาสตร์", "ป.4//5 เทอม 1"];
    private static readonly IReadOnlyList<string> Thai = ["ภาษาไทย"];

    private static readonly InterchangeCategory[] Categories =
    [
        new(Science, "คลังข้อสอบวิทยาศาสตร์ <b>ประถม</b> & มัธยม", "sci-01"),
        new(Thai, "หลักภาษา"),
    ];

    private static InterchangeQuestion Question(IReadOnlyList<string> category, QuestionContent content, string[]? tags = null,
        EmbeddedFile[]? files = null, string? idNumber = null) =>
        new(category, content, tags ?? [], files ?? [], 0, idNumber);

    private static ClozeQuestion Cloze(string source)
    {
        var parsed = ClozeSyntax.Parse(source);
        Assert.Empty(parsed.Problems);
        return new ClozeQuestion
        {
            Name = "เติมคำ",
            Source = source,
            Text = parsed.Text,
            Gaps = parsed.Gaps,
            DefaultMark = parsed.Gaps.Sum(g => g.Weight),
            Format = TextFormat.Html,
            GeneralFeedback = "ทบทวนบทที่ 2",
        };
    }

    /// <summary>One question of every type, in Thai, with the awkward characters a file format must survive.</summary>
    private static List<InterchangeQuestion> EveryType() =>
    [
        Question([], new DescriptionQuestion { Name = "คำชี้แจง", Text = "อ่านเรื่องต่อไปนี้\n\nแล้ว*ตอบ*คำถาม", DefaultMark = 0m }),
        Question(Science, new MultipleChoiceQuestion
        {
            Name = "สถานะของน้ำ <ตอนที่ 1>",
            Text = "![น้ำแข็ง](@@PLUGINFILE@@/ice.png) น้ำแข็งละลายเป็นน้ำ เป็นการเปลี่ยนสถานะแบบใด ]]> ยังอยู่",
            Format = TextFormat.Markdown,
            GeneralFeedback = "ของแข็ง → ของเหลว",
            DefaultMark = 2m,
            Choices =
            [
                new Choice("การหลอมเหลว", 1m, "ถูกต้อง <img src=\"@@PLUGINFILE@@/ice.png\">"),
                new Choice("การระเหย", 0.3333333m, "เกือบ"),
                new Choice("การควบแน่น", 0m, "ไม่ใช่"),
                new Choice("การระเหิด & อื่น ๆ", -0.5m, "ผิด"),
            ],
            Single = true,
            Shuffle = false,
            Feedback = new CombinedFeedback("เยี่ยม", "ยังไม่ครบ", "ลองใหม่"),
        }, tags: ["สถานะของสาร", "ป.4"], files: [new EmbeddedFile("ice.png", Png)], idNumber: "T & F"),
        Question(Science, new MultipleChoiceQuestion
        {
            Name = "สัตว์เลี้ยงลูกด้วยนม",
            Text = "<p>ข้อใดเป็นสัตว์เลี้ยงลูกด้วยนม (เลือกได้หลายข้อ)</p>",
            Format = TextFormat.Html,
            Choices = [new Choice("วาฬ", 0.5m), new Choice("ค้างคาว", 0.5m), new Choice("จระเข้", -1m)],
            Single = false,
            Shuffle = true,
        }),
        Question(Science, new TrueFalseQuestion
        {
            Name = "ดวงอาทิตย์",
            Text = "ดวงอาทิตย์โคจรรอบโลก",
            Format = TextFormat.Plain,
            CorrectAnswer = false,
            TrueFeedback = "ไม่ถูก <ลองคิดใหม่>",
            FalseFeedback = "ถูกต้อง โลกโคจรรอบดวงอาทิตย์",
        }),
        Question(Science, new NumericalQuestion
        {
            Name = "ความยาวโต๊ะ",
            Text = "โต๊ะยาวกี่เมตร <audio src=\"@@PLUGINFILE@@/เสียง%20อ่าน.mp3\"></audio>",
            Format = TextFormat.Html,
            Answers = [new NumericalAnswer(1.5m, 0.05m, 1m, "ถูก"), new NumericalAnswer(1.5m, 0.2m, 0.5m, "ใกล้เคียง"), new NumericalAnswer(null, 0m, 0m, "ผิด")],
            Units = [new NumericalUnit("ม.", 1m), new NumericalUnit("ซม.", 100m)],
            UnitPenalty = 0.2m,
            UnitRequired = true,
        }, files: [new EmbeddedFile("เสียง อ่าน.mp3", Mp3)]),
        Question(Thai, new ShortAnswerQuestion
        {
            Name = "คำราชาศัพท์",
            Text = "\"กิน\" ใช้คำราชาศัพท์สำหรับพระมหากษัตริย์ว่าอะไร",
            Answers = [new Choice("เสวย", 1m, "ถูกต้อง"), new Choice("รับประทาน", 0.1m, "เป็นคำสุภาพ"), new Choice("*", 0m, "ยังไม่ถูก")],
            CaseSensitive = true,
        }),
        Question(Thai, new MatchingQuestion
        {
            Name = "จับคู่คำ",
            Text = "จับคู่คำกับความหมาย",
            Pairs = [new MatchPair("<b>ตะวัน</b>", "ดวงอาทิตย์"), new MatchPair("จันทรา", "ดวงจันทร์"), new MatchPair("", "ดวงดาว")],
            Shuffle = false,
            Feedback = new CombinedFeedback("ถูกหมด", "ถูกบางข้อ", "ผิดหมด"),
        }),
        Question(Thai, new OrderingQuestion
        {
            Name = "เรียงลำดับ",
            Text = "เรียงลำดับเหตุการณ์",
            Items = ["ตื่นนอน", "แปรงฟัน", "อาบน้ำ", "ไปโรงเรียน"],
            Grading = OrderingGrading.AllOrNothing,
            Feedback = new CombinedFeedback("ถูกต้อง", "บางส่วน", "ผิด"),
        }),
        Question(Thai, new OrderingQuestion
        {
            Name = "เรียงตัวเลข",
            Text = "เรียงจากน้อยไปมาก",
            Items = ["๑", "๒", "๓"],
            Grading = OrderingGrading.RelativeNextExcludeLast,
        }),
        Question(Thai, Cloze(
            "<p>เมืองหลวงของไทยคือ {2:SHORTANSWER:=กรุงเทพมหานคร#ถูกต้อง~=กรุงเทพฯ#ถูกต้อง~*#ยังไม่ถูก}\u00A0และแม่น้ำสายหลักคือ " +
            "{1:MULTICHOICE_VS:=เจ้าพระยา#ใช่~โขง#ไม่ใช่ \\} ~%50%ท่าจีน#เกือบ} ระยะทาง {1:NUMERICAL:=372:10#ประมาณนี้~*#ผิด} กม. " +
            "สีธงชาติ {1:MULTIRESPONSE_H:%33.33333%แดง~%33.33333%ขาว~%33.33333%น้ำเงิน~%-100%เขียว} ตัวสะกด {1:SAC:=ก\\#ข#ใช่}</p>")),
        Question(Thai, new EssayQuestion
        {
            Name = "เรียงความ",
            Text = "เขียนเรียงความเรื่อง **แม่ของฉัน**",
            GraderInfo = "<p>ให้คะแนนตามเกณฑ์ <img src=\"@@PLUGINFILE@@/rubric.png\"></p>",
            Format = TextFormat.Markdown,
            ResponseTemplate = "แม่ของฉัน...",
            MinWords = 50,
            MaxWords = 300,
            DefaultMark = 10m,
        }, files: [new EmbeddedFile("rubric.png", Png), new EmbeddedFile("unused.txt", "ไม่ได้ใช้"u8.ToArray())]),
    ];

    [Fact]
    public void Thai_questions_of_every_type_survive_write_and_read()
    {
        var questions = EveryType();

        var written = Format.Write(Categories, questions);
        var read = Format.Read(written);

        Assert.Empty(read.Problems);
        Assert.Equal(Json(Categories), Json(read.Categories));
        Assert.Equal(questions.Count, read.Questions.Count);
        for (var i = 0; i < questions.Count; i++)
        {
            var (sent, back) = (questions[i], read.Questions[i]);
            Assert.Equal(sent.Category, back.Category);
            Assert.Equal(Json(sent.Content), Json(back.Content));
            Assert.Equal(sent.Tags, back.Tags);
            Assert.Equal(sent.IdNumber, back.IdNumber);
            Assert.Equal(FileHashes(sent.Files), FileHashes(back.Files));
        }

        AssertRoundTrip(read);
    }

    [Fact]
    public void Layout_is_moodles_category_first_then_its_questions()
    {
        var written = Format.Write(Categories, EveryType());
        var quiz = XDocument.Parse(written).Root!;
        var questions = quiz.Elements("question").ToList();

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n<!-- question: 0  -->\n  <question type=\"description\">", written);
        Assert.Equal(
            ["description", "category", "multichoice", "multichoice", "truefalse", "numerical", "category", "shortanswer", "matching",
                "ordering", "ordering", "cloze", "essay"],
            questions.Select(q => (string)q.Attribute("type")!));
        Assert.Equal("$course$/top/วิทยาศาสตร์/ป.4////5 เทอม 1", questions[1].Element("category")!.Element("text")!.Value);
        Assert.Equal("sci-01", questions[1].Element("idnumber")!.Value);
        Assert.Contains("<text><![CDATA[คลังข้อสอบวิทยาศาสตร์ <b>ประถม</b> & มัธยม]]></text>", written);
        Assert.Equal("$course$/top/ภาษาไทย", questions[6].Element("category")!.Element("text")!.Value);
    }

    [Fact]
    public void Texts_with_markup_go_in_cdata_and_a_cdata_end_inside_is_split()
    {
        var written = Format.Write(Categories, EveryType());

        Assert.Contains("<text><![CDATA[<p>ข้อใดเป็นสัตว์เลี้ยงลูกด้วยนม (เลือกได้หลายข้อ)</p>]]></text>", written);
        Assert.Contains("<text>จับคู่คำกับความหมาย</text>", written);
        Assert.Contains("เปลี่ยนสถานะแบบใด ]]]]><![CDATA[> ยังอยู่]]></text>", written);
        Assert.Contains("<text><![CDATA[สถานะของน้ำ <ตอนที่ 1>]]></text>", written);
        Assert.Contains("<idnumber>T &amp; F</idnumber>", written);
    }

    [Fact]
    public void Every_text_says_its_format()
    {
        var quiz = XDocument.Parse(Format.Write(Categories, EveryType())).Root!;
        var questions = quiz.Elements("question").Where(q => (string?)q.Attribute("type") != "category").ToList();

        Assert.Equal(
            ["markdown", "markdown", "html", "plain_text", "html", "markdown", "markdown", "markdown", "markdown", "html", "markdown"],
            questions.Select(q => (string)q.Element("questiontext")!.Attribute("format")!));
        string[] texts =
        [
            "questiontext", "generalfeedback", "feedback", "correctfeedback", "partiallycorrectfeedback", "incorrectfeedback",
            "graderinfo", "responsetemplate", "subquestion", "info",
        ];
        var withText = quiz.Descendants().Where(e => texts.Contains(e.Name.LocalName)).ToList();
        Assert.True(withText.Count > 40);
        Assert.All(withText, e => Assert.NotNull(e.Attribute("format")));
    }

    [Fact]
    public void Fractions_are_written_as_moodle_writes_them()
    {
        var written = Format.Write(Categories, EveryType());
        var quiz = XDocument.Parse(written).Root!;
        var first = quiz.Elements("question").First(q => (string?)q.Attribute("type") == "multichoice");

        Assert.Equal(["100", "33.33333", "0", "-50"], first.Elements("answer").Select(a => (string)a.Attribute("fraction")!));
        Assert.Equal("2.0000000", first.Element("defaultgrade")!.Value);
        Assert.Equal("0.3333333", first.Element("penalty")!.Value);
        var truefalse = quiz.Elements("question").First(q => (string?)q.Attribute("type") == "truefalse");
        Assert.Equal(["true:0", "false:100"], truefalse.Elements("answer").Select(a => a.Element("text")!.Value + ":" + (string)a.Attribute("fraction")!));
        var ordering = quiz.Elements("question").First(q => (string?)q.Attribute("type") == "ordering");
        Assert.Equal(["1.0000000", "2.0000000", "3.0000000", "4.0000000"], ordering.Elements("answer").Select(a => (string)a.Attribute("fraction")!));
        Assert.Equal("ALL_OR_NOTHING", ordering.Element("gradingtype")!.Value);
        var cloze = quiz.Elements("question").First(q => (string?)q.Attribute("type") == "cloze");
        Assert.Null(cloze.Element("defaultgrade")); // Moodle adds up the gaps' weights instead
        Assert.Contains("{1:MULTIRESPONSE_H:%33.33333%แดง~%33.33333%ขาว~%33.33333%น้ำเงิน~%-100%เขียว}", cloze.Element("questiontext")!.Value);
    }

    [Fact]
    public void Numerical_answers_tolerances_and_units()
    {
        var quiz = XDocument.Parse(Format.Write(Categories, EveryType())).Root!;
        var numerical = quiz.Elements("question").First(q => (string?)q.Attribute("type") == "numerical");

        Assert.Equal(["1.5|0.05|100", "1.5|0.2|50", "*|0|0"],
            numerical.Elements("answer").Select(a => $"{a.Element("text")!.Value}|{a.Element("tolerance")!.Value}|{a.Attribute("fraction")!.Value}"));
        Assert.Equal(["1 ม.", "100 ซม."],
            numerical.Element("units")!.Elements("unit").Select(u => u.Element("multiplier")!.Value + " " + u.Element("unit_name")!.Value));
        Assert.Equal("1", numerical.Element("unitgradingtype")!.Value);
        Assert.Equal("0.2000000", numerical.Element("unitpenalty")!.Value);
    }

    [Fact]
    public void Files_are_base64_inside_each_text_that_uses_them()
    {
        var quiz = XDocument.Parse(Format.Write(Categories, EveryType())).Root!;
        var questions = quiz.Elements("question").ToList();
        var multichoice = questions[2];
        var essay = questions[12];
        var numerical = questions[5];

        var inText = Assert.Single(multichoice.Element("questiontext")!.Elements("file"));
        Assert.Equal(["ice.png", "/", "base64"], new[] { "name", "path", "encoding" }.Select(a => (string)inText.Attribute(a)!));
        Assert.Equal(Png, Convert.FromBase64String(inText.Value));
        // The same picture in an answer's feedback is written there too, as Moodle keeps files per text.
        Assert.Equal("ice.png", (string)Assert.Single(multichoice.Elements("answer").First().Element("feedback")!.Elements("file")).Attribute("name")!);
        Assert.Empty(multichoice.Element("generalfeedback")!.Elements("file"));
        // A URL-encoded reference finds its file.
        Assert.Equal("เสียง อ่าน.mp3", (string)Assert.Single(numerical.Element("questiontext")!.Elements("file")).Attribute("name")!);
        // A file no text uses goes with the question text.
        Assert.Equal("rubric.png", (string)Assert.Single(essay.Element("graderinfo")!.Elements("file")).Attribute("name")!);
        Assert.Equal("unused.txt", (string)Assert.Single(essay.Element("questiontext")!.Elements("file")).Attribute("name")!);
    }

    [Fact]
    public void Files_in_folders_are_written_with_their_path()
    {
        var question = Question([], new TrueFalseQuestion
        {
            Name = "t",
            Text = "<img src=\"@@PLUGINFILE@@/sub/x%20y.png\">",
            Format = TextFormat.Html,
        }, files: [new EmbeddedFile("sub/x y.png", Png)]);

        var written = Format.Write([], [question]);

        Assert.Contains("<file name=\"x y.png\" path=\"/sub/\" encoding=\"base64\">", written);
        var back = Assert.Single(Format.Read(written).Questions);
        Assert.Equal("sub/x y.png", Assert.Single(back.Files).Name);
    }

    [Fact]
    public void Tags_are_written_as_moodle_does()
    {
        var written = Format.Write(Categories, EveryType());

        Assert.Contains("    <tags>\n      <tag><text>สถานะของสาร</text></tag>\n      <tag><text>ป.4</text></tag>\n    </tags>\n", written);
    }

    [Fact]
    public void A_cloze_question_whose_source_no_longer_matches_is_written_from_its_gaps()
    {
        var cloze = Cloze("ตอบ {1:SA:=ก}") with { Gaps = [new ClozeGap { Kind = ClozeKind.ShortAnswer, Choices = [new Choice("ข", 1m)] }] };

        var written = Format.Write([], [Question([], cloze)]);

        Assert.Contains("<text>ตอบ {1:SHORTANSWER:=ข}</text>", written);
    }

    [Fact]
    public void Categories_without_questions_and_questions_without_a_listed_category_are_both_written()
    {
        var written = Format.Write(
            [new InterchangeCategory(["ว่าง"], "ยังไม่มีข้อสอบ")],
            [Question(["อื่น ๆ"], new DescriptionQuestion { Name = "d", Text = "x", DefaultMark = 0m })]);

        var read = Format.Read(written);

        Assert.Equal([["ว่าง"], ["อื่น ๆ"]], read.Categories.Select(c => c.Path.ToArray()));
        Assert.Equal(["อื่น ๆ"], Assert.Single(read.Questions).Category);
    }

    [Fact]
    public void Line_breaks_of_every_kind_emoji_and_no_break_spaces_survive_and_control_characters_are_dropped()
    {
        var question = Question([], new EssayQuestion
        {
            Name = "ชื่อ\u0001ข้อ 😀",
            Text = "บรรทัดหนึ่ง\r\nบรรทัดสอง <b>หนา</b>\u00A0จบ",
            GraderInfo = "a\rb",
        });

        var back = Assert.Single(Format.Read(Format.Write([], [question])).Questions);

        var essay = Assert.IsType<EssayQuestion>(back.Content);
        Assert.Equal("ชื่อข้อ 😀", essay.Name);
        Assert.Equal("บรรทัดหนึ่ง\r\nบรรทัดสอง <b>หนา</b>\u00A0จบ", essay.Text);
        Assert.Equal("a\rb", essay.GraderInfo);
    }
}

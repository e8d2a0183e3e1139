using Lms.Domain.Questions;
using Lms.Infrastructure.QuestionFormats;

namespace Lms.Web.Tests.QuestionFormats;

/// <summary>
/// Thai GIFT written for these tests (every type, Thai text with GIFT escapes), and round trips:
/// file → Read → Write → Read, and questions built in code → Write → Read, compared by their JSON.
/// </summary>
public class GiftRoundTripTests
{
    private static readonly GiftFormat Gift = new();

    /// <summary>A Thai teacher's GIFT file: one question of each type, with escapes in Thai text.</summary>
    private const string ThaiGift = """
        // ชุดคำถามสำหรับการอบรมครู (เขียนขึ้นสำหรับการทดสอบนี้)
        $CATEGORY: $course$/top/คณิตศาสตร์/ม.1

        // question: 1  name: อัตราส่วน
        // [id:TH-001] [tag:คณิตศาสตร์] [tag:ม.1]
        ::อัตราส่วน\: ทบทวน::อัตราส่วน 1\:2 เท่ากับข้อใด {
            =หนึ่งต่อสอง#ถูกต้อง เพราะ 1\:2 \= 1/2
            ~สองต่อหนึ่ง#กลับด้านกัน
            ~%-50%หนึ่งต่อหนึ่ง#ไม่ใช่
            ####อัตราส่วน a\:b เขียนเป็นคู่ \{a, b\} ได้
        }

        ::จำนวนเฉพาะ::ข้อใดเป็นจำนวนเฉพาะ (ตอบได้มากกว่าหนึ่งข้อ){
            ~%50%๒#ใช่
            ~%50%๓#ใช่
            ~%-100%๔#๔ \= ๒ × ๒
        }

        ::ดวงอาทิตย์::ดวงอาทิตย์ขึ้นทางทิศตะวันออก{T#ลองสังเกตตอนเช้าอีกครั้ง#ถูกต้อง####ทุกวัน ไม่ว่าฤดูใด}

        ::เมืองหลวง::เมืองหลวงของประเทศไทยคือ{=กรุงเทพมหานคร#ถูกต้อง =%50%กรุงเทพ*#เกือบถูก \~ ชื่อเต็มคือกรุงเทพมหานคร}

        $CATEGORY: $course$/top/ภาษาไทย

        ::สำนวน::น้ำขึ้นให้รีบ{=ตัก ~ตีก ~ตาก}ใส่ตุ่ม

        ::พุทธศักราช::พ.ศ. 2500 ตรงกับ ค.ศ. ใด{#
            =1957:0#ถูกต้อง
            =%50%1950..1960#ใกล้เคียง
            ~#ลองลบด้วย 543
        }

        ::จับคู่จังหวัด::[html]<p>จับคู่<b>จังหวัด</b>กับภาค</p>{
            =เชียงใหม่ -> ภาคเหนือ
            =ขอนแก่น -> ภาคตะวันออกเฉียงเหนือ
            =ภูเก็ต -> ภาคใต้
            = -> ภาคกลาง
        }

        ::เรียงความ::[markdown]เขียนเรียงความเรื่อง **ครูในดวงใจ** ไม่เกิน ๑ หน้า{####ตรวจตามเกณฑ์ \{ภาษา, เนื้อหา\} ทางลัด C\:\\ครู}

        ::คำชี้แจง::[plain]อ่านข้อความต่อไปนี้แล้วตอบคำถาม ๓ ข้อ\nใช้เวลา ๑๐ นาที
        """;

    [Fact]
    public void Thai_file_reads_every_type_with_its_escapes()
    {
        var result = Gift.Read(ThaiGift);
        Assert.Empty(result.Problems);
        Assert.Equal(["คณิตศาสตร์/ม.1", "ภาษาไทย"], result.Categories.Select(c => string.Join("/", c.Path)));
        Assert.Equal([6, 13, 19, 21, 25, 27, 33, 40, 42], result.Questions.Select(q => q.Line));
        Assert.Equal(
            ["คณิตศาสตร์/ม.1", "คณิตศาสตร์/ม.1", "คณิตศาสตร์/ม.1", "คณิตศาสตร์/ม.1", "ภาษาไทย", "ภาษาไทย", "ภาษาไทย", "ภาษาไทย", "ภาษาไทย"],
            result.Questions.Select(q => string.Join("/", q.Category)));
        var q = result.Questions.Select(q => q.Content).ToList();

        var first = result.Questions[0];
        Assert.Equal("TH-001", first.IdNumber);
        Assert.Equal(["คณิตศาสตร์", "ม.1"], first.Tags);
        var ratio = Assert.IsType<MultipleChoiceQuestion>(q[0]);
        Assert.Equal("อัตราส่วน: ทบทวน", ratio.Name);
        Assert.Equal("อัตราส่วน 1:2 เท่ากับข้อใด", ratio.Text);
        Assert.True(ratio.Single);
        Assert.Equal(
            [new Choice("หนึ่งต่อสอง", 1m, "ถูกต้อง เพราะ 1:2 = 1/2"), new Choice("สองต่อหนึ่ง", 0m, "กลับด้านกัน"), new Choice("หนึ่งต่อหนึ่ง", -0.5m, "ไม่ใช่")],
            ratio.Choices);
        Assert.Equal("อัตราส่วน a:b เขียนเป็นคู่ {a, b} ได้", ratio.GeneralFeedback);

        var primes = Assert.IsType<MultipleChoiceQuestion>(q[1]);
        Assert.False(primes.Single);
        Assert.Equal([new Choice("๒", 0.5m, "ใช่"), new Choice("๓", 0.5m, "ใช่"), new Choice("๔", -1m, "๔ = ๒ × ๒")], primes.Choices);

        var sun = Assert.IsType<TrueFalseQuestion>(q[2]);
        Assert.True(sun.CorrectAnswer);
        Assert.Equal(("ถูกต้อง", "ลองสังเกตตอนเช้าอีกครั้ง", "ทุกวัน ไม่ว่าฤดูใด"), (sun.TrueFeedback, sun.FalseFeedback, sun.GeneralFeedback));

        var capital = Assert.IsType<ShortAnswerQuestion>(q[3]);
        Assert.Equal([new Choice("กรุงเทพมหานคร", 1m, "ถูกต้อง"), new Choice("กรุงเทพ*", 0.5m, "เกือบถูก ~ ชื่อเต็มคือกรุงเทพมหานคร")], capital.Answers);

        var idiom = Assert.IsType<MultipleChoiceQuestion>(q[4]);
        Assert.Equal("น้ำขึ้นให้รีบ_____ใส่ตุ่ม", idiom.Text);
        Assert.Equal([new Choice("ตัก", 1m), new Choice("ตีก", 0m), new Choice("ตาก", 0m)], idiom.Choices);

        var year = Assert.IsType<NumericalQuestion>(q[5]);
        Assert.Equal(
            [new NumericalAnswer(1957m, 0m, 1m, "ถูกต้อง"), new NumericalAnswer(1955m, 5m, 0.5m, "ใกล้เคียง"), new NumericalAnswer(null, 0m, 0m, "ลองลบด้วย 543")],
            year.Answers);

        var provinces = Assert.IsType<MatchingQuestion>(q[6]);
        Assert.Equal(TextFormat.Html, provinces.Format);
        Assert.Equal("<p>จับคู่<b>จังหวัด</b>กับภาค</p>", provinces.Text);
        Assert.Equal(
            [new MatchPair("เชียงใหม่", "ภาคเหนือ"), new MatchPair("ขอนแก่น", "ภาคตะวันออกเฉียงเหนือ"), new MatchPair("ภูเก็ต", "ภาคใต้"), new MatchPair("", "ภาคกลาง")],
            provinces.Pairs);

        var essay = Assert.IsType<EssayQuestion>(q[7]);
        Assert.Equal(TextFormat.Markdown, essay.Format);
        Assert.Equal("เขียนเรียงความเรื่อง **ครูในดวงใจ** ไม่เกิน ๑ หน้า", essay.Text);
        Assert.Equal(@"ตรวจตามเกณฑ์ {ภาษา, เนื้อหา} ทางลัด C:\ครู", essay.GeneralFeedback);

        var intro = Assert.IsType<DescriptionQuestion>(q[8]);
        Assert.Equal(TextFormat.Plain, intro.Format);
        Assert.Equal("อ่านข้อความต่อไปนี้แล้วตอบคำถาม ๓ ข้อ\nใช้เวลา ๑๐ นาที", intro.Text);
    }

    [Fact]
    public void Thai_file_with_BOM_and_CRLF_reads_the_same()
    {
        var plain = Gift.Read(ThaiGift);
        var windows = Gift.Read("\uFEFF" + ThaiGift.ReplaceLineEndings("\r\n"));
        GiftAssert.SameQuestions(plain, windows);
        Assert.Equal(plain.Questions.Select(q => q.Line), windows.Questions.Select(q => q.Line));
    }

    [Fact]
    public void Thai_file_survives_read_write_read()
    {
        var first = Gift.Read(ThaiGift);
        var written = Gift.Write(first.Categories, first.Questions);
        GiftAssert.SameQuestions(first, Gift.Read(written));
        // And the written file is stable: writing what was read back gives the same text.
        var second = Gift.Read(written);
        Assert.Equal(written, Gift.Write(second.Categories, second.Questions));
    }

    /// <summary>Questions as the question editor makes them (Markdown by default), with texts full of GIFT's special characters.</summary>
    private static IReadOnlyList<InterchangeQuestion> BuiltInCode()
    {
        const string tricky = "ครู: {a} = b ~ c # d \\ e\nบรรทัดที่สอง [x]";
        return
        [
            new(["ครู", "a/b"], new MultipleChoiceQuestion
            {
                Name = "เลือก: หนึ่ง",
                Text = tricky,
                GeneralFeedback = "ทั่วไป #1",
                Choices = [new("ถูก = ใช่", 1m, "ดี {มาก}"), new("[html] ไม่ใช่ marker", 0m), new("%10% ส่วนลด", -0.3333333m, "หัก")],
            }, ["แท็ก", "tag]2"], [], IdNumber: "MC-1"),
            new(["ครู", "a/b"], new MultipleChoiceQuestion
            {
                Name = "หลายคำตอบ",
                Text = "เลือกทุกข้อที่ถูก",
                Format = TextFormat.Html,
                Single = false,
                Choices = [new("ก", 0.3333333m), new("ข", 0.3333333m), new("ค", 0.3333333m), new("ง", -1m, "ผิด")],
            }, [], []),
            new(["ครู"], new TrueFalseQuestion { Name = "จริงหรือ", Text = "๑ + ๑ = ๒", CorrectAnswer = true, TrueFeedback = "ใช่ #", FalseFeedback = "ไม่ใช่ ~", GeneralFeedback = "ง่าย" }, [], []),
            new(["ครู"], new TrueFalseQuestion { Name = "เท็จ", Text = "ดวงจันทร์เป็นดาวเคราะห์", Format = TextFormat.Plain }, [], []),
            new([], new ShortAnswerQuestion
            {
                Name = "ตอบสั้น",
                Text = "ชื่อจังหวัด?",
                Answers = [new("เชียงใหม่", 1m, "ถูก"), new("เชียง*", 0.5m), new("*", 0m, "ไม่ใช่ = ผิด")],
                GeneralFeedback = "[ดู] แผนที่",
            }, [], []),
            new([], new NumericalQuestion
            {
                Name = "ตัวเลข",
                Text = "ค่า π โดยประมาณ",
                Answers = [new(3.14m, 0.01m, 1m, "ดี"), new(-2.5m, 0.5m, 0.5m), new(null, 0m, 1m, "ใดก็ได้"), new(3m, 0m, 0.1m), new(null, 0m, 0m, "ผิด")],
            }, [], []),
            new([], new MatchingQuestion
            {
                Name = "จับคู่",
                Text = "จับคู่ให้ถูก",
                Pairs = [new("หนึ่ง = 1", "one # 1"), new("[สอง]", "two: 2"), new("", "ตัวลวง")],
                GeneralFeedback = "สรุป",
            }, [], []),
            new(["ว่าง", "ลึก"], new EssayQuestion { Name = "เรียงความ", Text = "เขียน **สั้น ๆ**", GeneralFeedback = "เกณฑ์: {๑}" }, ["essay"], []),
            new(["ว่าง", "ลึก"], new DescriptionQuestion { Name = "คำชี้แจง", Text = "อ่าน\\แล้วตอบ", Format = TextFormat.Html, DefaultMark = 0m }, [], []),
        ];
    }

    [Fact]
    public void Questions_built_in_code_survive_write_read()
    {
        var questions = BuiltInCode();
        var categories = new List<InterchangeCategory> { new(["ครู", "a/b"]), new(["ครู"]), new(["ว่าง", "ลึก"]), new(["ไม่มีคำถาม"]) };
        var back = Gift.Read(Gift.Write(categories, questions));
        Assert.Empty(back.Problems);
        Assert.Equal(GiftAssert.Describe(questions), GiftAssert.Describe(back.Questions));
        Assert.Equal(
            categories.Select(c => string.Join("/", c.Path)).Order(StringComparer.Ordinal),
            back.Categories.Select(c => string.Join("/", c.Path)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fuzzed_files_that_read_also_survive_write_read()
    {
        // Whatever the reader makes of a file, writing it must give a file that reads back the same.
        var random = new Random(20240611);
        var written = 0;
        for (var i = 0; i < 1500; i++)
        {
            var file = GiftFuzz.File(random);
            var first = Gift.Read(file);
            var text = Gift.Write(first.Categories, first.Questions);
            var second = Gift.Read(text);
            var expected = first.Questions.Where(q => !GiftFuzz.WriterSkips(q)).ToList();
            var failure = $"Read:\n{file}\n---- written:\n{text}";
            Assert.True(second.Problems.Count == 0, string.Join("; ", second.Problems) + "\n" + failure);
            Assert.True(GiftAssert.Describe(expected).SequenceEqual(GiftAssert.Describe(second.Questions)),
                string.Join("\n", GiftAssert.Describe(expected)) + "\n---- read back:\n" + string.Join("\n", GiftAssert.Describe(second.Questions)) + "\n" + failure);
            written += second.Questions.Count;
        }
        Assert.True(written > 1000, $"only {written} questions were read back");
    }
}

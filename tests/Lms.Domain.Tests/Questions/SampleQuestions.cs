using Lms.Domain.Questions;

namespace Lms.Domain.Tests.Questions;

/// <summary>One valid question of every type, in Thai, as a designer in Sukhothai might write it.</summary>
public static class SampleQuestions
{
    public static MultipleChoiceQuestion Capital => new()
    {
        Name = "เมืองหลวง",
        Text = "เมืองหลวงของประเทศไทยคือเมืองใด",
        Choices =
        [
            new("เชียงใหม่", 0m, "เชียงใหม่เป็นเมืองหลวงของภาคเหนือ"),
            new("กรุงเทพมหานคร", 1m, "ถูกต้อง"),
            new("สุโขทัย", 0m, "สุโขทัยเคยเป็นราชธานีในอดีต"),
            new("ขอนแก่น", -0.5m),
        ],
        Feedback = new("ยอดเยี่ยม", "เกือบถูก", "ลองใหม่"),
    };

    /// <summary>Several right: two of four boxes, each half the mark; a wrong box costs half.</summary>
    public static MultipleChoiceQuestion PlcSteps => new()
    {
        Name = "PLC",
        Text = "ข้อใดเป็นขั้นตอนของ PLC (เลือกได้หลายข้อ)",
        Single = false,
        Choices =
        [
            new("ร่วมกันระบุปัญหา", 0.5m, "ใช่"),
            new("ลงมือปฏิบัติและสะท้อนผล", 0.5m, "ใช่"),
            new("ทำงานคนเดียว", -0.5m, "ไม่ใช่"),
            new("ไม่ต้องบันทึก", -0.5m),
        ],
        Feedback = new("ถูกทั้งหมด", "ถูกบางส่วน", "ยังไม่ถูก"),
    };

    public static TrueFalseQuestion Sukhothai => new()
    {
        Name = "สุโขทัย",
        Text = "สุโขทัยเป็นราชธานีแห่งแรกของไทย",
        CorrectAnswer = true,
        TrueFeedback = "ถูกต้อง",
        FalseFeedback = "สุโขทัยเป็นราชธานีแห่งแรก",
    };

    public static ShortAnswerQuestion King => new()
    {
        Name = "พ่อขุน",
        Text = "ผู้ประดิษฐ์อักษรไทยคือใคร",
        Answers =
        [
            new("พ่อขุนรามคำแหง*", 1m, "ถูกต้อง"),
            new("*รามคำแหง*", 0.5m, "ควรมีคำนำหน้า"),
            new("*", 0m, "ไม่ถูกต้อง"),
        ],
    };

    public static NumericalQuestion Distance => new()
    {
        Name = "ระยะทาง",
        Text = "ห้องเรียนยาวกี่เมตร",
        Answers = [new(2.5m, 0.1m, 1m, "ถูกต้อง"), new(2.5m, 0.5m, 0.5m, "ใกล้เคียง")],
        Units = [new("เมตร", 1m), new("ซม.", 100m), new("m", 1m), new("cm", 100m)],
        UnitRequired = true,
        UnitPenalty = 0.2m,
    };

    public static MatchingQuestion Regions => new()
    {
        Name = "ภาค",
        Text = "จับคู่จังหวัดกับภาค",
        Pairs =
        [
            new("สุโขทัย", "ภาคเหนือ"),
            new("ขอนแก่น", "ภาคตะวันออกเฉียงเหนือ"),
            new("ภูเก็ต", "ภาคใต้"),
            new("เชียงราย", "ภาคเหนือ"),
            new("", "ภาคตะวันตก"),
        ],
        Feedback = new("ถูกทั้งหมด", "ถูกบางส่วน", "ยังไม่ถูก"),
    };

    public static OrderingQuestion Pdca => new()
    {
        Name = "PDCA",
        Text = "เรียงขั้นตอนวงจร PDCA",
        Items = ["วางแผน (Plan)", "ปฏิบัติ (Do)", "ตรวจสอบ (Check)", "ปรับปรุง (Act)"],
        Feedback = new("ถูกต้อง", "ถูกบางส่วน", "ยังไม่ถูก"),
    };

    public static ClozeQuestion Cloze => new()
    {
        Name = "เติมคำ",
        Text = "ปีงบประมาณเริ่ม {#1} และมี {#2} เดือน หน่วยงานคือ {#3}",
        Source = "ปีงบประมาณเริ่ม {1:MC:=ตุลาคม#ถูก~มกราคม#ผิด} และมี {2:NUMERICAL:=12:0#ถูก} เดือน หน่วยงานคือ {1:SA:=สพม.*#ถูก}",
        Gaps =
        [
            new ClozeGap { Kind = ClozeKind.MultipleChoice, Choices = [new("ตุลาคม", 1m, "ถูก"), new("มกราคม", 0m, "ผิด"), new("เมษายน", 0m)], Shuffle = true },
            new ClozeGap { Weight = 2, Kind = ClozeKind.Numerical, Numbers = [new(12m, 0m, 1m, "ถูก")] },
            new ClozeGap { Kind = ClozeKind.ShortAnswer, Choices = [new("สพม.*", 1m, "ถูก")] },
        ],
    };

    public static EssayQuestion Reflection => new()
    {
        Name = "สะท้อนคิด",
        Text = "สะท้อนผลการเข้าร่วม PLC ของท่าน",
        ResponseTemplate = "สิ่งที่ได้เรียนรู้:",
        MinWords = 10,
        MaxWords = 500,
    };

    public static DescriptionQuestion Reading => new() { Name = "บทอ่าน", Text = "อ่านบทความต่อไปนี้" };

    public static IEnumerable<QuestionContent> All =>
        [Capital, PlcSteps, Sukhothai, King, Distance, Regions, Pdca, Cloze, Reflection, Reading];

    public static TheoryData<QuestionContent> Each
    {
        get
        {
            var data = new TheoryData<QuestionContent>();
            foreach (var q in All) data.Add(q);
            return data;
        }
    }
}

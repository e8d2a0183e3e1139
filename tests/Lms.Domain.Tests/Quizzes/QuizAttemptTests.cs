using Lms.Domain.Common;
using Lms.Domain.Questions;
using Lms.Domain.Quizzes;

namespace Lms.Domain.Tests.Quizzes;

public class QuizAttemptTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Teacher = Guid.NewGuid();

    private static TrueFalseQuestion TrueQ(string name) => new() { Name = name, Text = "ข้อใดถูก: " + name, CorrectAnswer = true };
    private static readonly EssayQuestion Essay = new() { Name = "เรียงความ", Text = "อธิบายการจัดการเรียนรู้เชิงรุก" };

    private static (Quiz Quiz, List<IReadOnlyList<QuizAttempt.Drawn>> Pool, Dictionary<Guid, QuestionContent> Content) QuizOf(
        params QuestionContent[] questions)
    {
        var quiz = new Quiz(Guid.NewGuid(), Guid.NewGuid(), "แบบทดสอบก่อนเรียน");
        var drawn = questions.Select(q => new QuizAttempt.Drawn(Guid.NewGuid(), 1, q)).ToList();
        quiz.ReplaceSlots(drawn.Select(d => QuizSlot.Fixed(d.QuestionId, 2m)));
        return (quiz, drawn.Select(d => (IReadOnlyList<QuizAttempt.Drawn>)[d]).ToList(), drawn.ToDictionary(d => d.QuestionId, d => d.Content));
    }

    private static QuizAttempt Start(Quiz quiz, List<IReadOnlyList<QuizAttempt.Drawn>> pool, int number = 1, DateTime? at = null) =>
        QuizAttempt.Start(Guid.NewGuid(), quiz, Teacher, number, pool, seed: 42, at ?? Now);

    [Fact]
    public void Submitting_grades_what_was_saved_and_counts_once()
    {
        var (quiz, pool, content) = QuizOf(TrueQ("ก"), TrueQ("ข"));
        var a = Start(quiz, pool);
        Assert.Equal(4m, a.MaxMark);
        Assert.Equal(SaveOutcome.Saved, a.SaveResponse(1, Response.Of(("answer", "true")), 1, Now));
        Assert.Equal(SaveOutcome.Saved, a.SaveResponse(2, Response.Of(("answer", "false")), 1, Now));

        Assert.True(a.Submit((id, _) => content[id], Now.AddMinutes(3)));
        Assert.Equal(AttemptState.Finished, a.State);
        Assert.Equal(2m, a.Mark);
        Assert.Equal(50m, a.Percent);

        // A double click or second tab: the first submission stands, nothing changes.
        Assert.False(a.Submit((id, _) => content[id], Now.AddMinutes(4)));
        Assert.Equal(Now.AddMinutes(3), a.SubmittedAtUtc);
        Assert.Equal(SaveOutcome.Closed, a.SaveResponse(2, Response.Of(("answer", "true")), 2, Now.AddMinutes(5)));
        Assert.Equal(2m, a.Mark);
    }

    [Fact]
    public void An_answer_saved_with_its_question_is_graded_at_once_and_the_submit_only_adds_up()
    {
        var (quiz, pool, content) = QuizOf(TrueQ("ก"), TrueQ("ข"), TrueQ("ค"));
        var a = Start(quiz, pool);
        // A fresh attempt holds the grade of an untouched question for every slot.
        Assert.All(a.Questions, q => Assert.Equal((GradeState.NotAnswered, 0m, true), (q.GradeState, q.Fraction!.Value, q.HasCurrentGrade)));

        a.SaveResponse(1, Response.Of(("answer", "true")), 10, Now, content[a.Slot(1).QuestionId]);
        Assert.Equal((GradeState.Correct, 1m, 10L), (a.Slot(1).GradeState, a.Slot(1).Fraction!.Value, a.Slot(1).GradedSequence!.Value));
        // Saved without the content (as code that only stores answers would): the grade is stale until the submit.
        a.SaveResponse(2, Response.Of(("answer", "true")), 11, Now);
        Assert.False(a.Slot(2).HasCurrentGrade);

        var graded = new List<Guid>();
        a.Submit((id, _) => { graded.Add(id); return content[id]; }, Now.AddMinutes(1));
        Assert.Equal([a.Slot(2).QuestionId], graded);
        Assert.Equal(4m, a.Mark);
        Assert.Equal(GradeState.NotAnswered, a.Slot(3).GradeState);
    }

    [Fact]
    public void Grading_on_save_gives_what_grading_at_the_submit_gives()
    {
        var (quiz, pool, content) = QuizOf(TrueQ("ก"), TrueQ("ข"), Essay);
        var answers = new[] { ("answer", "true"), ("answer", "false"), ("answer", "ผู้เรียนลงมือทำและสะท้อนคิด") };
        var onSave = Start(quiz, pool);
        var atSubmit = Start(quiz, pool);
        for (var slot = 1; slot <= 3; slot++)
        {
            var answer = answers[slot - 1]; // not shuffled: slot n is the n-th question
            onSave.SaveResponse(slot, Response.Of(answer), 1, Now, content[onSave.Slot(slot).QuestionId]);
            atSubmit.SaveResponse(slot, Response.Of(answer), 1, Now);
        }
        onSave.Submit((id, _) => content[id], Now);
        atSubmit.Submit((id, _) => content[id], Now);
        Assert.Equal((AttemptState.NeedsGrading, 2m), (onSave.State, onSave.Mark!.Value));
        Assert.Equal((atSubmit.State, atSubmit.Mark), (onSave.State, onSave.Mark));
        Assert.Equal(atSubmit.Questions.Select(q => (q.GradeState, q.Fraction, string.Join("|", q.Feedback))),
            onSave.Questions.Select(q => (q.GradeState, q.Fraction, string.Join("|", q.Feedback))));
    }

    [Fact]
    public void A_late_save_does_not_overwrite_a_newer_answer()
    {
        var (quiz, pool, _) = QuizOf(TrueQ("ก"));
        var a = Start(quiz, pool);
        Assert.Equal(SaveOutcome.Saved, a.SaveResponse(1, Response.Of(("answer", "false")), 5, Now));
        Assert.Equal(SaveOutcome.Stale, a.SaveResponse(1, Response.Of(("answer", "true")), 4, Now));
        Assert.Equal("false", a.Slot(1).Response["answer"]);
    }

    [Fact]
    public void The_deadline_is_the_time_limit_or_the_close_whichever_is_first()
    {
        var (quiz, pool, _) = QuizOf(TrueQ("ก"));
        quiz.Schedule(null, Now.AddMinutes(20), TimeSpan.FromMinutes(30));
        Assert.Equal(Now.AddMinutes(20), Start(quiz, pool).DeadlineUtc);
        quiz.Schedule(null, Now.AddHours(2), TimeSpan.FromMinutes(30));
        Assert.Equal(Now.AddMinutes(30), Start(quiz, pool).DeadlineUtc);
        quiz.Schedule(null, null, null);
        Assert.Null(Start(quiz, pool).DeadlineUtc);
    }

    [Fact]
    public void Answers_are_taken_until_the_deadline_plus_grace_and_then_refused()
    {
        var (quiz, pool, content) = QuizOf(TrueQ("ก"));
        quiz.Schedule(null, null, TimeSpan.FromMinutes(10));
        var a = Start(quiz, pool);
        var deadline = a.DeadlineUtc!.Value;
        Assert.False(a.IsOverdue(deadline.AddSeconds(-1)));
        Assert.True(a.IsOverdue(deadline));
        Assert.Equal(SaveOutcome.Saved, a.SaveResponse(1, Response.Of(("answer", "true")), 1, deadline + QuizAttempt.SaveGrace - TimeSpan.FromSeconds(1)));
        Assert.Equal(SaveOutcome.Closed, a.SaveResponse(1, Response.Of(("answer", "false")), 2, deadline + QuizAttempt.SaveGrace));

        // The server submits it with what was saved, dated at the deadline rather than when the job ran.
        Assert.True(a.Submit((id, _) => content[id], deadline.AddMinutes(7), byTimer: true));
        Assert.Equal(deadline, a.SubmittedAtUtc);
        Assert.True(a.SubmittedByTimer);
        Assert.Equal(100m, a.Percent);
    }

    [Fact]
    public void A_quiz_is_started_only_while_open_and_within_the_attempts_allowed()
    {
        var (quiz, pool, _) = QuizOf(TrueQ("ก"));
        quiz.Schedule(Now.AddHours(1), Now.AddHours(2), null);
        Assert.Equal("quiz.not_open", Assert.Throws<DomainException>(() => Start(quiz, pool)).Code);
        Assert.Equal("quiz.not_open", Assert.Throws<DomainException>(() => Start(quiz, pool, at: Now.AddHours(2))).Code);
        Start(quiz, pool, at: Now.AddHours(1));

        quiz.Schedule(null, null, null);
        quiz.SetGrading(2, GradingMethod.Highest, 60);
        Start(quiz, pool, number: 2);
        Assert.Equal("quiz.no_attempts_left", Assert.Throws<DomainException>(() => Start(quiz, pool, number: 3)).Code);
        quiz.SetGrading(0, GradingMethod.Highest, 60);
        Start(quiz, pool, number: 30);
    }

    [Fact]
    public void An_essay_leaves_the_attempt_waiting_for_a_grader_until_graded_by_hand()
    {
        var (quiz, pool, content) = QuizOf(TrueQ("ก"), Essay);
        var a = Start(quiz, pool);
        a.SaveResponse(1, Response.Of(("answer", "true")), 1, Now);
        a.SaveResponse(2, Response.Of(("answer", "ใช้กิจกรรมกลุ่มและโครงงาน")), 1, Now);
        a.Submit((id, _) => content[id], Now);
        Assert.Equal(AttemptState.NeedsGrading, a.State);
        Assert.Null(a.Percent);

        Assert.Equal("grade.out_of_range", Assert.Throws<DomainException>(() => a.GradeManually(2, 2.5m, "", Guid.NewGuid(), Now)).Code);
        a.GradeManually(2, 1.5m, "ดีมาก ยกตัวอย่างเพิ่ม", Guid.NewGuid(), Now);
        Assert.Equal(AttemptState.Finished, a.State);
        Assert.Equal(3.5m, a.Mark);
        Assert.Equal(87.5m, a.Percent);
    }

    [Fact]
    public void Random_slots_draw_different_questions_and_the_same_seed_draws_the_same()
    {
        var quiz = new Quiz(Guid.NewGuid(), Guid.NewGuid(), "สุ่มข้อสอบ");
        var bank = Enumerable.Range(1, 10).Select(i => new QuizAttempt.Drawn(Guid.NewGuid(), 1, TrueQ($"ข้อ {i}"))).ToList();
        quiz.ReplaceSlots([QuizSlot.Random(Guid.NewGuid(), 4, 1m, false), QuizSlot.Random(Guid.NewGuid(), 3, 1m, false)]);
        List<IReadOnlyList<QuizAttempt.Drawn>> pool = [bank, bank];
        var a = QuizAttempt.Start(Guid.NewGuid(), quiz, Teacher, 1, pool, seed: 7, Now);
        Assert.Equal(7, a.Questions.Select(q => q.QuestionId).Distinct().Count());
        var b = QuizAttempt.Start(Guid.NewGuid(), quiz, Teacher, 1, pool, seed: 7, Now);
        Assert.Equal(a.Questions.Select(q => q.QuestionId), b.Questions.Select(q => q.QuestionId));

        quiz.ReplaceSlots([QuizSlot.Random(Guid.NewGuid(), 11, 1m, false)]);
        Assert.Equal("quiz.not_enough_questions",
            Assert.Throws<DomainException>(() => QuizAttempt.Start(Guid.NewGuid(), quiz, Teacher, 1, [bank], 1, Now)).Code);
    }

    [Fact]
    public void Questions_are_paged_as_the_quiz_says()
    {
        var (quiz, pool, _) = QuizOf(TrueQ("1"), TrueQ("2"), TrueQ("3"), TrueQ("4"), TrueQ("5"));
        quiz.SetLayout(false, 2);
        var a = Start(quiz, pool);
        Assert.Equal([1, 1, 2, 2, 3], a.Questions.Select(q => q.Page));
        Assert.Equal(3, a.PageCount);
        quiz.SetLayout(false, 0);
        Assert.Equal(1, Start(quiz, pool).PageCount);
    }

    [Fact]
    public void Description_items_carry_no_marks()
    {
        var (quiz, pool, content) = QuizOf(new DescriptionQuestion { Name = "คำชี้แจง", Text = "อ่านบทความต่อไปนี้" }, TrueQ("ก"));
        var a = Start(quiz, pool);
        Assert.Equal(2m, a.MaxMark);
        a.SaveResponse(2, Response.Of(("answer", "true")), 1, Now);
        a.Submit((id, _) => content[id], Now);
        Assert.Equal(100m, a.Percent);
    }

    [Fact]
    public void Questions_of_an_attempted_quiz_are_locked()
    {
        var (quiz, _, _) = QuizOf(TrueQ("ก"));
        quiz.Lock();
        Assert.Equal("quiz.locked", Assert.Throws<DomainException>(() => quiz.ReplaceSlots([])).Code);
        quiz.Schedule(null, null, TimeSpan.FromMinutes(5)); // settings other than questions stay editable
    }

    [Fact]
    public void Hostile_answers_are_refused_without_touching_the_saved_one()
    {
        var (quiz, pool, _) = QuizOf(TrueQ("ก"));
        var a = Start(quiz, pool);
        a.SaveResponse(1, Response.Of(("answer", "true")), 1, Now);
        var huge = Response.Of(("answer", new string('ก', 100_001)));
        Assert.Equal("attempt.answer_too_large", Assert.Throws<DomainException>(() => a.SaveResponse(1, huge, 2, Now)).Code);
        Assert.Equal("attempt.no_such_question", Assert.Throws<DomainException>(() => a.SaveResponse(9, Response.Empty, 3, Now)).Code);
        Assert.Equal("true", a.Slot(1).Response["answer"]);
    }

    [Fact]
    public void Review_options_open_after_submitting_or_only_once_the_quiz_has_closed()
    {
        var (quiz, _, _) = QuizOf(TrueQ("ก"));
        quiz.Schedule(null, Now.AddHours(1), null);
        Assert.True(quiz.MayReview(ReviewTiming.AfterSubmit, Now));
        Assert.False(quiz.MayReview(ReviewTiming.AfterClose, Now));
        Assert.True(quiz.MayReview(ReviewTiming.AfterClose, Now.AddHours(1)));
        Assert.False(quiz.MayReview(ReviewTiming.Never, Now.AddYears(1)));
        // A quiz that never closes never reaches "after close".
        quiz.Schedule(null, null, null);
        Assert.False(quiz.MayReview(ReviewTiming.AfterClose, Now.AddYears(1)));
    }
}

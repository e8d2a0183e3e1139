using Lms.Domain.Common;
using Lms.Domain.Plc;

namespace Lms.Domain.Tests.Plc;

public class PlcMeetingTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Recorder = Guid.NewGuid();
    private static readonly Guid Director = Guid.NewGuid();
    private static readonly Guid Teacher = Guid.NewGuid();

    private static PlcMeeting Held(int minutes = 90, DateTime? at = null)
    {
        var m = new PlcMeeting(Guid.NewGuid(), Guid.NewGuid(), "ปัญหาการอ่านจับใจความ", at ?? Now.AddDays(-1), minutes, PlcCycleStep.FindProblem, Recorder, Now);
        m.RecordAttendance([Recorder, Teacher]);
        return m;
    }

    [Fact]
    public void A_new_record_is_a_draft_and_counts_no_hours()
    {
        var m = Held();
        Assert.Equal(PlcMeetingStatus.Draft, m.Status);
        Assert.False(m.CountsHours);
        Assert.True(m.IsEditable);
    }

    [Fact]
    public void A_draft_dated_in_the_future_is_a_planned_meeting()
    {
        var m = new PlcMeeting(Guid.NewGuid(), Guid.NewGuid(), "สังเกตการสอน", Now.AddDays(3), 60, PlcCycleStep.TeachAndObserve, Recorder, Now);
        Assert.True(m.IsPlannedAt(Now));
        Assert.False(m.IsPlannedAt(Now.AddDays(4)));
        Assert.Equal(Now.AddDays(3).AddHours(1), m.EndsAtUtc);
    }

    [Fact]
    public void A_meeting_cannot_be_submitted_before_it_has_taken_place()
    {
        var m = new PlcMeeting(Guid.NewGuid(), Guid.NewGuid(), "สังเกตการสอน", Now.AddHours(2), 60, PlcCycleStep.TeachAndObserve, Recorder, Now);
        m.RecordAttendance([Teacher]);
        Assert.Equal("plc.meeting_not_held", Assert.Throws<DomainException>(() => m.Submit(Now)).Code);
        m.Submit(Now.AddHours(3));
        Assert.Equal(PlcMeetingStatus.Submitted, m.Status);
    }

    [Fact]
    public void A_meeting_without_attendees_cannot_be_submitted()
    {
        var m = Held();
        m.RecordAttendance([]);
        Assert.Equal("plc.attendees_required", Assert.Throws<DomainException>(() => m.Submit(Now)).Code);
    }

    [Fact]
    public void Attendance_keeps_each_person_once()
    {
        var m = Held();
        m.RecordAttendance([Teacher, Teacher, Guid.Empty, Recorder]);
        Assert.Equal([Teacher, Recorder], m.AttendeeIds);
    }

    [Fact]
    public void A_submitted_record_is_locked_until_it_is_returned()
    {
        var m = Held();
        m.Submit(Now);
        Assert.Equal("plc.meeting_locked", Assert.Throws<DomainException>(() => m.Write("แก้", "")).Code);
        m.Return(Director, "กรุณาแนบแผนการสอน", Now.AddHours(1));
        Assert.Equal(PlcMeetingStatus.Returned, m.Status);
        Assert.Equal("กรุณาแนบแผนการสอน", m.ReturnNote);
        m.Write("แก้ไขแล้ว", "");
        m.Submit(Now.AddHours(2));
        Assert.Null(m.ReturnNote);
        Assert.Equal(PlcMeetingStatus.Submitted, m.Status);
    }

    [Fact]
    public void Approving_makes_the_hours_count_and_the_record_final()
    {
        var m = Held(90);
        m.Submit(Now);
        m.Approve(Director, Now.AddHours(1));
        Assert.True(m.CountsHours);
        Assert.Equal(Director, m.DecidedBy);
        Assert.Equal("plc.meeting_locked", Assert.Throws<DomainException>(() => m.RecordAttendance([Teacher])).Code);
        Assert.Equal("plc.meeting_not_submitted", Assert.Throws<DomainException>(() => m.Approve(Director, Now.AddHours(2))).Code);
    }

    [Fact]
    public void Nobody_approves_or_returns_a_record_they_recorded_themselves()
    {
        var m = Held();
        m.Submit(Now);
        Assert.Equal("plc.self_approval", Assert.Throws<DomainException>(() => m.Approve(Recorder, Now)).Code);
        Assert.Equal("plc.self_approval", Assert.Throws<DomainException>(() => m.Return(Recorder, "ไม่", Now)).Code);
        Assert.Equal(PlcMeetingStatus.Submitted, m.Status);
    }

    [Fact]
    public void Returning_needs_a_note()
    {
        var m = Held();
        m.Submit(Now);
        Assert.Equal("plc.return_note_required", Assert.Throws<DomainException>(() => m.Return(Director, "  ", Now)).Code);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(721)]
    public void A_meeting_lasts_15_minutes_to_12_hours(int minutes)
    {
        Assert.Equal("plc.duration_invalid", Assert.Throws<DomainException>(() => Held(minutes)).Code);
    }

    [Fact]
    public void Meeting_times_must_be_UTC()
    {
        var local = new DateTime(2026, 11, 20, 15, 30, 0, DateTimeKind.Unspecified);
        Assert.Equal("plc.meeting_time_invalid", Assert.Throws<DomainException>(() => Held(at: local)).Code);
    }

    [Fact]
    public void The_chat_link_needs_a_first_and_a_last_message_in_order()
    {
        var m = Held();
        m.LinkChat(3, 9);
        Assert.Equal((3L, 9L), (m.ChatFromSequence!.Value, m.ChatToSequence!.Value));
        Assert.Equal("plc.chat_range_invalid", Assert.Throws<DomainException>(() => m.LinkChat(9, 3)).Code);
        Assert.Equal("plc.chat_range_invalid", Assert.Throws<DomainException>(() => m.LinkChat(3, null)).Code);
        m.LinkChat(null, null);
        Assert.Null(m.ChatFromSequence);
    }

    [Fact]
    public void Evidence_is_limited_to_20_files_and_can_be_removed_while_editable()
    {
        var m = Held();
        var first = m.AddEvidence("2026/11/" + new string('a', 32), "แผนการสอน.pdf", "application/pdf", 1000, Recorder, Now);
        for (var i = 1; i < PlcMeeting.MaxEvidence; i++) m.AddEvidence($"2026/11/{i:D32}", $"ภาพ{i}.jpg", "image/jpeg", 10, Recorder, Now);
        Assert.Equal("plc.too_many_files",
            Assert.Throws<DomainException>(() => m.AddEvidence("2026/11/" + new string('b', 32), "x.pdf", "application/pdf", 1, Recorder, Now)).Code);
        Assert.Equal(first, m.RemoveEvidence(first.Id));
        Assert.Equal(PlcMeeting.MaxEvidence - 1, m.Evidence.Count);
        Assert.Equal("plc.evidence_missing", Assert.Throws<DomainException>(() => m.RemoveEvidence(first.Id)).Code);
    }
}

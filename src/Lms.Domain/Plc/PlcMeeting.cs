using Lms.Domain.Calendar;
using Lms.Domain.Common;

namespace Lms.Domain.Plc;

/// <summary>Where a meeting record stands. Stored as its number.</summary>
public enum PlcMeetingStatus
{
    /// <summary>Being written by the facilitator or recorder (also a planned meeting still to be held).</summary>
    Draft = 1,
    /// <summary>Sent to the director (or, for a network, a supervisor) for approval.</summary>
    Submitted = 2,
    /// <summary>Approved: the attendees' hours count.</summary>
    Approved = 3,
    /// <summary>Sent back with a note; the recorder corrects it and submits again.</summary>
    Returned = 4,
}

/// <summary>A file kept as evidence of a meeting (lesson plan, observation form, photo).</summary>
public sealed record PlcEvidence(Guid Id, string FileKey, string FileName, string ContentType, long Size, Guid UploadedBy, DateTime UploadedAtUtc);

/// <summary>
/// One meeting of a group's PLC cycle in its logbook (บันทึกการประชุม PLC). Hours count for career advancement only once a
/// director or supervisor approved the record, so an approved record is final; before that the facilitator or recorder
/// may change it. Each attendee earns the meeting's duration as PLC hours in the fiscal year of its date.
/// </summary>
public sealed class PlcMeeting
{
    public const int MinMinutes = 15;
    public const int MaxMinutes = 12 * 60;
    public const int MaxTopicLength = 300;
    public const int MaxMinutesTextLength = 20000;
    public const int MaxDecisionsLength = 5000;
    public const int MaxNoteLength = 1000;
    public const int MaxEvidence = 20;

    private readonly List<Guid> attendeeIds = [];
    private readonly List<PlcEvidence> evidence = [];

    public Guid Id { get; private set; }
    public Guid GroupId { get; private set; }
    public string Topic { get; private set; } = "";
    public DateTime StartsAtUtc { get; private set; }
    public int DurationMinutes { get; private set; }
    public PlcCycleStep Step { get; private set; }
    /// <summary>The minutes (บันทึกการประชุม), Markdown.</summary>
    public string MinutesText { get; private set; } = "";
    public string Decisions { get; private set; } = "";
    /// <summary>The room's messages of this meeting, by sequence (both null: none linked).</summary>
    public long? ChatFromSequence { get; private set; }
    public long? ChatToSequence { get; private set; }
    public PlcMeetingStatus Status { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? ReturnNote { get; private set; }

    public IReadOnlyList<Guid> AttendeeIds => attendeeIds;
    public IReadOnlyList<PlcEvidence> Evidence => evidence;

    private PlcMeeting() { }

    public PlcMeeting(Guid id, Guid groupId, string topic, DateTime startsAtUtc, int durationMinutes, PlcCycleStep step,
        Guid recordedBy, DateTime nowUtc)
    {
        if (id == Guid.Empty || groupId == Guid.Empty) throw new DomainException("plc.meeting_id_required", "A meeting needs an id and a group.");
        Id = id;
        GroupId = groupId;
        RecordedBy = recordedBy;
        RecordedAtUtc = nowUtc;
        Status = PlcMeetingStatus.Draft;
        Plan(topic, startsAtUtc, durationMinutes, step);
    }

    public FiscalYear FiscalYear => FiscalYear.ContainingUtc(StartsAtUtc);
    public decimal Hours => Math.Round(DurationMinutes / 60m, 2);
    public bool IsEditable => Status is PlcMeetingStatus.Draft or PlcMeetingStatus.Returned;
    public bool CountsHours => Status == PlcMeetingStatus.Approved;

    public void Plan(string topic, DateTime startsAtUtc, int durationMinutes, PlcCycleStep step)
    {
        EnsureEditable();
        var cleanTopic = Text.Required(topic, "plc.topic_required", MaxTopicLength);
        if (startsAtUtc.Kind != DateTimeKind.Utc) throw new DomainException("plc.meeting_time_invalid", "Meeting times are stored in UTC.");
        if (startsAtUtc.Year is < 2000 or > 2200) throw new DomainException("plc.meeting_time_invalid", "Unlikely meeting date.");
        if (durationMinutes is < MinMinutes or > MaxMinutes)
            throw new DomainException("plc.duration_invalid", $"A meeting lasts {MinMinutes} minutes to {MaxMinutes / 60} hours.");
        if (!Enum.IsDefined(step)) throw new DomainException("plc.step_invalid", $"Unknown PLC step {step}.");
        (Topic, StartsAtUtc, DurationMinutes, Step) = (cleanTopic, startsAtUtc, durationMinutes, step);
    }

    public void Write(string minutes, string decisions)
    {
        EnsureEditable();
        var m = (minutes ?? "").Replace("\r\n", "\n").Trim();
        if (m.Length > MaxMinutesTextLength) throw new DomainException("text.too_long", $"Text longer than {MaxMinutesTextLength} characters.");
        var d = (decisions ?? "").Replace("\r\n", "\n").Trim();
        if (d.Length > MaxDecisionsLength) throw new DomainException("text.too_long", $"Text longer than {MaxDecisionsLength} characters.");
        (MinutesText, Decisions) = (m.Normalize(System.Text.NormalizationForm.FormC), d.Normalize(System.Text.NormalizationForm.FormC));
    }

    /// <summary>Who attended. The caller passes only the group's members (the page offers nobody else).</summary>
    public void RecordAttendance(IEnumerable<Guid> personIds)
    {
        EnsureEditable();
        attendeeIds.Clear();
        attendeeIds.AddRange(personIds.Where(id => id != Guid.Empty).Distinct());
    }

    public void LinkChat(long? fromSequence, long? toSequence)
    {
        EnsureEditable();
        if (fromSequence is null && toSequence is null) { ChatFromSequence = ChatToSequence = null; return; }
        if (fromSequence is not { } from || toSequence is not { } to || from < 1 || to < from)
            throw new DomainException("plc.chat_range_invalid", "Choose the first and the last message of the meeting.");
        (ChatFromSequence, ChatToSequence) = (from, to);
    }

    public PlcEvidence AddEvidence(string fileKey, string fileName, string contentType, long size, Guid uploadedBy, DateTime nowUtc)
    {
        EnsureEditable();
        if (evidence.Count >= MaxEvidence) throw new DomainException("plc.too_many_files", $"At most {MaxEvidence} files per meeting.");
        var item = new PlcEvidence(Guid.NewGuid(), fileKey, Text.Required(fileName, "plc.attachment_invalid", 255), contentType, size, uploadedBy, nowUtc);
        evidence.Add(item);
        return item;
    }

    public PlcEvidence RemoveEvidence(Guid evidenceId)
    {
        EnsureEditable();
        var item = evidence.FirstOrDefault(e => e.Id == evidenceId) ?? throw new DomainException("plc.evidence_missing", "No such file.");
        evidence.Remove(item);
        return item;
    }

    /// <summary>Only a meeting that has taken place, with its attendees, goes for approval.</summary>
    public void Submit(DateTime nowUtc)
    {
        EnsureEditable();
        if (StartsAtUtc > nowUtc) throw new DomainException("plc.meeting_not_held", "A meeting can be submitted after it has taken place.");
        if (attendeeIds.Count == 0) throw new DomainException("plc.attendees_required", "Record who attended before submitting.");
        Status = PlcMeetingStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        ReturnNote = null;
    }

    public void Approve(Guid approverId, DateTime nowUtc)
    {
        if (Status != PlcMeetingStatus.Submitted) throw new DomainException("plc.meeting_not_submitted", "Only a submitted record can be approved.");
        EnsureNotOwnRecord(approverId);
        Status = PlcMeetingStatus.Approved;
        DecidedBy = approverId;
        DecidedAtUtc = nowUtc;
    }

    public void Return(Guid approverId, string note, DateTime nowUtc)
    {
        if (Status != PlcMeetingStatus.Submitted) throw new DomainException("plc.meeting_not_submitted", "Only a submitted record can be returned.");
        EnsureNotOwnRecord(approverId);
        ReturnNote = Text.Required(note, "plc.return_note_required", MaxNoteLength);
        Status = PlcMeetingStatus.Returned;
        DecidedBy = approverId;
        DecidedAtUtc = nowUtc;
    }

    /// <summary>Approval is a second pair of eyes: whoever wrote the record cannot also certify the hours it gives.</summary>
    private void EnsureNotOwnRecord(Guid approverId)
    {
        if (approverId == RecordedBy) throw new DomainException("plc.self_approval", "Nobody approves a meeting record they recorded themselves.");
    }

    /// <summary>Whether the meeting is still to come: a draft dated in the future is a planned meeting (reminded, in calendars).</summary>
    public bool IsPlannedAt(DateTime nowUtc) => Status == PlcMeetingStatus.Draft && StartsAtUtc > nowUtc;

    public DateTime EndsAtUtc => StartsAtUtc.AddMinutes(DurationMinutes);

    private void EnsureEditable()
    {
        if (Id != Guid.Empty && !IsEditable)
            throw new DomainException("plc.meeting_locked", "A submitted or approved record cannot be changed.");
    }
}

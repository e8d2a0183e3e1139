using System.Globalization;
using Lms.Domain.Common;
using Lms.Domain.Notifications.Reminders;
using Lms.Domain.Plc;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Markdown;
using Lms.Infrastructure.Persistence;
using Lms.Web.Files;
using Lms.Web.Localization;
using Lms.Web.Plc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Plc.Logbook;

/// <summary>
/// One meeting of a group's logbook: its facilitator or recorder plans and records it (topic, Thailand date and time,
/// duration, cycle step, attendees, minutes in Markdown, decisions, evidence files, the room's messages of that day) and
/// submits it for approval once held; every member and those who oversee the group read it and download its evidence.
/// </summary>
[RequestSizeLimit(UploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes)]
public sealed class MeetingModel(LmsDbContext db, IMarkdownRenderer markdown, UploadRules uploads, IFileStore files, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Messages offered for the chat link: a day of a busy room is long enough.</summary>
    public const int MaxDayMessages = 500;

    [FromRoute] public Guid GroupId { get; set; }
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public MeetingInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public PlcGroup Group { get; private set; } = null!;
    public PlcMeeting? Meeting { get; private set; }
    public bool MayRecord { get; private set; }
    public bool Editable => MayRecord && (Meeting is null || Meeting.IsEditable);
    public bool Oversees { get; private set; }
    public string MinutesHtml { get; private set; } = "";
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public List<ChatLine> DayMessages { get; private set; } = [];
    public List<ChatLine> LinkedMessages { get; private set; } = [];
    public string? DecidedByName { get; private set; }

    public sealed record ChatLine(long Sequence, DateTime SentAtUtc, string Author, string Body, bool Hidden);

    public sealed class MeetingInput
    {
        public Guid Id { get; set; }
        public uint Version { get; set; }
        public string? Topic { get; set; }
        public DateOnly? Date { get; set; }
        public string? StartTime { get; set; }
        public string? DurationMinutes { get; set; }
        public PlcCycleStep? Step { get; set; }
        public List<Guid> Attendees { get; set; } = [];
        public string? Minutes { get; set; }
        public string? Decisions { get; set; }
        public long? ChatFrom { get; set; }
        public long? ChatTo { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(tracked: true, ct)) return NotFound();
        if (Meeting is null)
        {
            if (!MayRecord) return NotFound();
            var tomorrow = ThaiDays.LocalDate(Now).AddDays(1);
            Input = new MeetingInput { Id = Guid.NewGuid(), Date = tomorrow, StartTime = "15:30", DurationMinutes = "60" };
        }
        else FillInput(Meeting);
        await LoadViewAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(List<IFormFile> evidence, CancellationToken ct) => SaveAsync(evidence, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(List<IFormFile> evidence, CancellationToken ct) => SaveAsync(evidence, submit: true, ct);

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(Guid evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(tracked: true, ct) || !MayRecord || Meeting is null) return NotFound();
        PlcEvidence removed;
        try
        {
            ConcurrencyToken.Expect(db, Meeting, Input.Version);
            removed = Meeting.RemoveEvidence(evidenceId);
            db.Entry(Meeting).Property("evidence").IsModified = true;
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e) { return await FailAsync(DomainErrors.Describe(e, l), ct); }
        catch (DbUpdateConcurrencyException) { return await FailAsync(l["Someone else changed this record at the same time. Please reload and try again."], ct); }
        // After the commit: a file deleted for a save that failed could not come back.
        await files.DeleteAsync(removed.FileKey, ct);
        StatusMessage = l["The file was removed."];
        return RedirectToPage(new { groupId = GroupId, id = Meeting.Id });
    }

    /// <summary>Live preview of the minutes: the same safe HTML readers get.</summary>
    public async Task<IActionResult> OnPostPreviewAsync([FromForm] string? body, CancellationToken ct)
    {
        if (!await LoadAsync(tracked: false, ct) || !MayRecord) return NotFound();
        return Content(markdown.ToSafeHtml(body ?? ""), "text/html; charset=utf-8");
    }

    /// <summary>An evidence file, only to those who may read the logbook (anyone else: 404, as for no such file).</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(tracked: false, ct) || Meeting is null) return NotFound();
        var item = Meeting.Evidence.FirstOrDefault(e => e.Id == evidenceId);
        if (item is null) return NotFound();
        var info = await files.GetInfoAsync(item.FileKey, ct);
        var stream = info is null ? null : await files.OpenReadAsync(item.FileKey, ct);
        if (info is null || stream is null) return NotFound();
        return FileDownloads.Serve(info, stream, item.FileName);
    }

    private async Task<IActionResult> SaveAsync(List<IFormFile> evidence, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(tracked: true, ct) || !MayRecord) return NotFound();
        if (Meeting is not null && Input.Id != Meeting.Id) return NotFound();
        var now = Now;
        var topic = (Input.Topic ?? "").Trim();
        if (topic.Length == 0) ModelState.AddModelError("Input.Topic", l["Please enter the topic of the meeting."]);
        if (Input.Date is null) ModelState.AddModelError("Input.Date", l["Please enter the date of the meeting."]);
        if (!TimeOnly.TryParseExact((Input.StartTime ?? "").Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var start))
            ModelState.AddModelError("Input.StartTime", l["Enter the start time, e.g. 15:30."]);
        if (!int.TryParse((Input.DurationMinutes ?? "").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes)
            || minutes is < PlcMeeting.MinMinutes or > PlcMeeting.MaxMinutes)
            ModelState.AddModelError("Input.DurationMinutes", l["A meeting lasts 15 to 720 minutes."]);
        if (Input.Step is not { } step || !Enum.IsDefined(step)) ModelState.AddModelError("Input.Step", l["Choose the step of the PLC cycle."]);
        var members = Group.Members.Where(m => m.IsActive).Select(m => m.PersonId).ToHashSet();
        if (Input.Attendees.Any(a => !members.Contains(a)))
            ModelState.AddModelError("Input.Attendees", l["Only members of the group can be recorded as attending."]);
        if ((Input.ChatFrom is null) != (Input.ChatTo is null) || Input.ChatFrom > Input.ChatTo || Input.ChatTo > Group.LastSequence)
            ModelState.AddModelError("Input.ChatFrom", l["Choose both the first and the last message of the meeting, the first before the last."]);
        if (!ModelState.IsValid) return await RedisplayAsync(ct);

        var startsAt = ThaiDays.StartUtc(Input.Date!.Value).Add(start.ToTimeSpan());
        var stored = new List<StoredFile>();
        try
        {
            var meeting = Meeting;
            if (meeting is null)
            {
                meeting = new PlcMeeting(Input.Id, GroupId, topic, startsAt, minutes, Input.Step!.Value, Me.PersonId, now);
                db.PlcMeetings.Add(meeting);
            }
            else
            {
                ConcurrencyToken.Expect(db, meeting, Input.Version);
                meeting.Plan(topic, startsAt, minutes, Input.Step!.Value);
            }
            meeting.Write(Input.Minutes ?? "", Input.Decisions ?? "");
            meeting.RecordAttendance(Input.Attendees);
            meeting.LinkChat(Input.ChatFrom, Input.ChatTo);
            foreach (var upload in evidence.Where(f => f.Length > 0))
            {
                await using var content = upload.OpenReadStream();
                var check = await uploads.CheckAsync(content, upload.FileName, FileCategory.Image | FileCategory.Document, ct);
                if (!check.IsValid)
                {
                    ModelState.AddModelError("evidence", $"{Path.GetFileName(upload.FileName)}: {UploadMessages.Describe(check, IsThai)}");
                    await DeleteAsync(stored);
                    return await RedisplayUnsavedAsync(ct);
                }
                content.Position = 0;
                var file = await files.SaveAsync(content, check.Type!.ContentType, ct);
                stored.Add(file);
                meeting.AddEvidence(file.Key, Path.GetFileName(upload.FileName), file.ContentType, file.Length, Me.PersonId, now);
            }
            if (Meeting is not null) db.Entry(meeting).Property("evidence").IsModified = true;
            if (submit) meeting.Submit(now);
            await db.SaveChangesAsync(ct);
            StatusMessage = submit ? l["The meeting record was sent for approval."]
                : meeting.IsPlannedAt(now) ? l["The planned meeting was saved. Members are reminded the day before."]
                : l["The meeting record was saved as a draft."];
            return RedirectToPage(new { groupId = GroupId, id = meeting.Id });
        }
        catch (DomainException e) { ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l)); }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Someone else changed this record at the same time. Please reload and try again."]);
        }
        // The same new record posted twice (a double click): the first one is saved, this one changes nothing.
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            ModelState.AddModelError(string.Empty, l["This meeting was already saved. Please reload the page."]);
        }
        await DeleteAsync(stored);
        return await RedisplayUnsavedAsync(ct);
    }

    /// <summary>Shows the form again as the person filled it, beside the record as it is stored (nothing was saved).</summary>
    private async Task<IActionResult> RedisplayUnsavedAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (Id is { } id) Meeting = await db.PlcMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return await RedisplayAsync(ct);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        await LoadViewAsync(ct);
        return Page();
    }

    private async Task<IActionResult> FailAsync(string message, CancellationToken ct)
    {
        ModelState.AddModelError(string.Empty, message);
        db.ChangeTracker.Clear();
        if (!await LoadAsync(tracked: true, ct)) return NotFound();
        if (Meeting is not null) FillInput(Meeting);
        return await RedisplayAsync(ct);
    }

    private async Task DeleteAsync(List<StoredFile> stored)
    {
        foreach (var f in stored) await files.DeleteAsync(f.Key, CancellationToken.None);
    }

    private PlcViewer Me { get; set; } = null!;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private static bool IsThai => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th";

    /// <summary>The group and the meeting, if the person may read this logbook at all (else false: the page answers 404).</summary>
    private async Task<bool> LoadAsync(bool tracked, CancellationToken ct)
    {
        var group = await db.PlcGroups.AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == GroupId, ct);
        if (group is null) return false;
        Me = await PlcViewer.ForAsync(User, db, ct);
        if (!Me.MayRead(group)) return false;
        Group = group;
        MayRecord = group.CanRecordMeetings(Me.PersonId);
        Oversees = Me.Oversees(group.SchoolId);
        if (Id is { } id)
        {
            // Tracked, so the row version (a shadow property) comes with it; a download needs no tracking.
            var meetings = tracked ? db.PlcMeetings : db.PlcMeetings.AsNoTracking();
            Meeting = await meetings.FirstOrDefaultAsync(m => m.Id == id && m.GroupId == GroupId, ct);
            if (Meeting is null) return false;
        }
        return true;
    }

    private void FillInput(PlcMeeting m)
    {
        var local = DateDisplay.ToThailandTime(m.StartsAtUtc);
        Input = new MeetingInput
        {
            Id = m.Id, Version = ConcurrencyToken.Get(db, m), Topic = m.Topic, Date = DateOnly.FromDateTime(local),
            StartTime = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            DurationMinutes = m.DurationMinutes.ToString(CultureInfo.InvariantCulture), Step = m.Step,
            Attendees = m.AttendeeIds.ToList(), Minutes = m.MinutesText, Decisions = m.Decisions, ChatFrom = m.ChatFromSequence,
            ChatTo = m.ChatToSequence,
        };
    }

    private async Task LoadViewAsync(CancellationToken ct)
    {
        var ids = Group.Members.Select(m => m.PersonId).Concat(Meeting?.AttendeeIds ?? []).ToHashSet();
        if (Meeting is not null) ids.Add(Meeting.RecordedBy);
        if (Meeting?.DecidedBy is { } decider) ids.Add(decider);
        Names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Title + p.FirstName + " " + p.LastName, ct);
        if (Meeting?.DecidedBy is { } d) DecidedByName = Names.GetValueOrDefault(d);
        if (Meeting is not null) MinutesHtml = markdown.ToSafeHtml(Meeting.MinutesText);
        if (Editable)
        {
            // The room's messages of the meeting's day (Thailand time), to pick the first and the last of the meeting.
            var day = Input.Date ?? ThaiDays.LocalDate(Now);
            DayMessages = await ChatAsync(m => m.SentAtUtc >= ThaiDays.StartUtc(day) && m.SentAtUtc < ThaiDays.StartUtc(day.AddDays(1)), ct);
        }
        if (Meeting is { ChatFromSequence: { } from, ChatToSequence: { } to })
            LinkedMessages = await ChatAsync(m => m.Sequence >= from && m.Sequence <= to, ct);
    }

    private async Task<List<ChatLine>> ChatAsync(System.Linq.Expressions.Expression<Func<PlcMessage, bool>> which, CancellationToken ct)
    {
        var rows = await db.PlcMessages.AsNoTracking().Where(m => m.GroupId == GroupId).Where(which).OrderBy(m => m.Sequence)
            .Take(MaxDayMessages)
            .Select(m => new
            {
                m.Sequence, m.SentAtUtc, m.Body, Hidden = m.HiddenAtUtc != null,
                Author = db.People.Where(p => p.Id == m.AuthorId).Select(p => p.Title + p.FirstName + " " + p.LastName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // A hidden message's text is for the facilitators' audit, not for the logbook's readers.
        return rows.Select(r => new ChatLine(r.Sequence, r.SentAtUtc, r.Author ?? "", r.Hidden ? "" : r.Body, r.Hidden)).ToList();
    }
}

using System.Globalization;
using Lms.Domain.Common;
using Lms.Domain.Notifications;
using Lms.Domain.Plc;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Lms.Web.Plc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Plc.Approvals;

/// <summary>
/// Meeting records waiting for approval (อนุมัติบันทึก PLC): a school director sees those of their own school's groups,
/// supervisors and administrators every group's (a network's only they can approve). Approve, or return with a note;
/// the recorder is told either way. Nobody decides a record they recorded themselves.
/// </summary>
public sealed class IndexModel(LmsDbContext db, INotifier notifier, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public List<Waiting> Items { get; private set; } = [];
    public Guid Me { get; private set; }

    public sealed record Waiting(Guid Id, Guid GroupId, string Group, string? School, string Topic, DateTime StartsAtUtc, int DurationMinutes,
        PlcCycleStep Step, int Attendees, Guid RecordedBy, string Recorder, DateTime? SubmittedAtUtc);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(Guid meetingId, CancellationToken ct) =>
        DecideAsync(meetingId, (m, me, now) => m.Approve(me, now), ct);

    public Task<IActionResult> OnPostReturnAsync(Guid meetingId, string? note, CancellationToken ct) =>
        DecideAsync(meetingId, (m, me, now) => m.Return(me, note ?? "", now), ct);

    private async Task<IActionResult> DecideAsync(Guid meetingId, Action<PlcMeeting, Guid, DateTime> decide, CancellationToken ct)
    {
        var viewer = await PlcViewer.ForAsync(User, db, ct);
        var found = await db.PlcMeetings.Where(m => m.Id == meetingId)
            .Join(db.PlcGroups, m => m.GroupId, g => g.Id, (m, g) => new { Meeting = m, g.SchoolId, g.Name })
            .FirstOrDefaultAsync(ct);
        if (found is null || !viewer.Oversees(found.SchoolId)) return NotFound();
        var meeting = found.Meeting;
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            decide(meeting, viewer.PersonId, now);
            // A double click, or two directors at once: the row version lets one decision through, the other is told.
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e) when (e.Code == "plc.meeting_not_submitted")
        {
            return Done(l["This record has already been decided."], error: true);
        }
        catch (DomainException e) { return Done(DomainErrors.Describe(e, l), error: true); }
        catch (DbUpdateConcurrencyException) { return Done(l["This record has already been decided."], error: true); }

        var approved = meeting.Status == PlcMeetingStatus.Approved;
        var title = approved ? $"บันทึกการประชุม PLC ได้รับการอนุมัติ: {meeting.Topic}" : $"บันทึกการประชุม PLC ถูกส่งกลับแก้ไข: {meeting.Topic}";
        var body = approved
            ? $"การประชุมกลุ่ม “{found.Name}” วันที่ {ThaiDate(meeting.StartsAtUtc)} ได้รับการอนุมัติแล้ว ผู้เข้าร่วมได้รับ {PlcNames.HoursText(meeting.Hours)} ชั่วโมง PLC"
            : $"การประชุมกลุ่ม “{found.Name}” วันที่ {ThaiDate(meeting.StartsAtUtc)} ถูกส่งกลับให้แก้ไข: {meeting.ReturnNote}";
        await notifier.NotifyAsync(new NotificationRequest(meeting.RecordedBy, NotificationKind.PlcMeetingDecided,
            string.Create(CultureInfo.InvariantCulture, $"plc-meeting-decided:{meeting.Id}:{meeting.DecidedAtUtc:yyyyMMddTHHmmssfff}"),
            title.Length <= 200 ? title : title[..199] + "…", body, $"/Plc/Logbook/{meeting.GroupId}/Meeting/{meeting.Id}"), ct);
        return Done(approved ? l["The meeting record was approved; its hours now count."] : l["The meeting record was returned to its recorder."]);
    }

    private IActionResult Done(string message, bool error = false)
    {
        if (error) TempData["ErrorMessage"] = message;
        else StatusMessage = message;
        return RedirectToPage();
    }

    private static string ThaiDate(DateTime utc) =>
        DateDisplay.ToThailandTime(utc).ToString("d MMMM yyyy", new CultureInfo("th-TH"));

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await PlcViewer.ForAsync(User, db, ct);
        Me = viewer.PersonId;
        var groups = db.PlcGroups.AsNoTracking();
        if (!viewer.OverseesAll) groups = groups.Where(g => g.SchoolId == viewer.DirectorOf);
        Items = await (from m in db.PlcMeetings.AsNoTracking()
                       where m.Status == PlcMeetingStatus.Submitted
                       join g in groups on m.GroupId equals g.Id
                       orderby m.SubmittedAtUtc
                       select new Waiting(m.Id, g.Id, g.Name, db.Schools.Where(s => s.Id == g.SchoolId).Select(s => s.NameTh).FirstOrDefault(),
                           m.Topic, m.StartsAtUtc, m.DurationMinutes, m.Step, m.AttendeeIds.Count, m.RecordedBy,
                           db.People.Where(p => p.Id == m.RecordedBy).Select(p => p.Title + p.FirstName + " " + p.LastName).FirstOrDefault() ?? "",
                           m.SubmittedAtUtc))
            .Take(500).ToListAsync(ct);
    }
}

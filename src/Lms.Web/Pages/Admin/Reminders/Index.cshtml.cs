using System.Globalization;
using System.Security.Claims;
using Lms.Domain.Common;
using Lms.Domain.Notifications.Reminders;
using Lms.Infrastructure.Notifications.Reminders;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Admin.Reminders;

/// <summary>Administrators choose which reminders and notices go out, and when (การแจ้งเตือน).</summary>
public sealed class IndexModel(ReminderSettingsStore store, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public SettingsInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public DateTime? UpdatedAtUtc { get; private set; }

    /// <summary>Numbers are taken as text so a wrong entry gets a Thai message instead of the framework's English one.</summary>
    public sealed class SettingsInput
    {
        public bool DeadlineEnabled { get; set; }
        public string? DeadlineDays { get; set; }
        public bool NoProgressEnabled { get; set; }
        public string? NoProgressAfterDays { get; set; }
        public string? NoProgressRepeatDays { get; set; }
        public bool QuizClosingEnabled { get; set; }
        public string? QuizClosingHours { get; set; }
        public bool AssignmentGraded { get; set; }
        public bool CertificateIssued { get; set; }
        public bool PlcMeetingEnabled { get; set; }
        public string? PlcMeetingHour { get; set; }
        public uint Version { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var stored = await store.ReadAsync(ct);
        var s = stored.Settings;
        UpdatedAtUtc = stored.UpdatedAtUtc;
        Input = new SettingsInput
        {
            DeadlineEnabled = s.Deadline.Enabled, DeadlineDays = string.Join(", ", s.Deadline.DaysBefore),
            NoProgressEnabled = s.NoProgress.Enabled, NoProgressAfterDays = Number(s.NoProgress.AfterDays),
            NoProgressRepeatDays = Number(s.NoProgress.RepeatEveryDays),
            QuizClosingEnabled = s.QuizClosing.Enabled, QuizClosingHours = Number(s.QuizClosing.HoursBefore),
            AssignmentGraded = s.AssignmentGraded, CertificateIssued = s.CertificateIssued,
            PlcMeetingEnabled = s.PlcMeeting.Enabled, PlcMeetingHour = Number(s.PlcMeeting.LocalHour),
            Version = stored.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var days = Days(Input.DeadlineDays, "Input.DeadlineDays");
        var after = Whole(Input.NoProgressAfterDays, "Input.NoProgressAfterDays");
        var repeat = Whole(Input.NoProgressRepeatDays, "Input.NoProgressRepeatDays");
        var hours = Whole(Input.QuizClosingHours, "Input.QuizClosingHours");
        var hour = Whole(Input.PlcMeetingHour, "Input.PlcMeetingHour");
        if (!ModelState.IsValid) return Page();
        var settings = new ReminderSettings(new DeadlineRule(Input.DeadlineEnabled, days), new NoProgressRule(Input.NoProgressEnabled, after, repeat),
            new QuizClosingRule(Input.QuizClosingEnabled, hours), Input.AssignmentGraded, Input.CertificateIssued,
            new PlcMeetingRule(Input.PlcMeetingEnabled, hour));
        foreach (var code in settings.Problems())
            ModelState.AddModelError(FieldOf(code), l[DomainErrors.MessageFor(code) ?? "The data is not valid."]);
        if (!ModelState.IsValid) return Page();
        try
        {
            var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            await store.SaveAsync(settings, Input.Version, me, clock.GetUtcNow().UtcDateTime, ct);
            StatusMessage = l["The reminder settings have been saved."];
            return RedirectToPage();
        }
        catch (DomainException e) { ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l)); }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Someone else changed this record at the same time. Please reload and try again."]);
        }
        return Page();
    }

    private static string FieldOf(string code) => code switch
    {
        "reminders.deadline_days_required" or "reminders.deadline_days_invalid" or "reminders.deadline_days_too_many" => "Input.DeadlineDays",
        "reminders.no_progress_days_invalid" => "Input.NoProgressAfterDays",
        "reminders.repeat_days_invalid" => "Input.NoProgressRepeatDays",
        "reminders.quiz_hours_invalid" => "Input.QuizClosingHours",
        "reminders.plc_hour_invalid" => "Input.PlcMeetingHour",
        _ => string.Empty,
    };

    private int Whole(string? text, string field)
    {
        if (int.TryParse((text ?? "").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        ModelState.AddModelError(field, l["Enter a whole number."]);
        return 0;
    }

    /// <summary>"7, 1" (commas or spaces). Empty is no days: the domain says whether that is allowed.</summary>
    private List<int> Days(string? text, string field)
    {
        var days = new List<int>();
        foreach (var part in (text ?? "").Split([',', ' ', '\u3001'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) days.Add(n);
            else
            {
                ModelState.AddModelError(field, l["Enter whole numbers of days separated by commas, e.g. 7, 1."]);
                return [];
            }
        }
        return days;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}

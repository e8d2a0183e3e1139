using Lms.Domain.Calendar;
using Lms.Domain.Common;

namespace Lms.Domain.Certificates;

/// <summary>
/// A face-to-face training or workshop (การอบรม / กิจกรรม) whose participants get certificates in one batch,
/// e.g. 600 teachers at a provincial workshop. Only what the certificate prints: name, date, hours, design.
/// </summary>
public sealed class TrainingEvent
{
    public const int MaxNameLength = 400;

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Thailand's local date the event ended; printed as the completion date.</summary>
    public DateOnly HeldOn { get; private set; }
    public decimal CreditHours { get; private set; }
    public Guid TemplateId { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    private TrainingEvent() { }

    public TrainingEvent(Guid id, string name, DateOnly heldOn, decimal creditHours, Guid templateId, Guid createdBy, DateTime nowUtc)
    {
        if (id == Guid.Empty) throw new DomainException("event.id_required", "An event needs an id.");
        Id = id;
        CreatedBy = createdBy;
        CreatedAtUtc = nowUtc;
        Change(name, heldOn, creditHours, templateId);
    }

    public FiscalYear FiscalYear => FiscalYear.Containing(HeldOn);

    public void Change(string name, DateOnly heldOn, decimal creditHours, Guid templateId)
    {
        var clean = Text.Required(name, "event.name_required", MaxNameLength);
        if (creditHours is < 0 or > 1000) throw new DomainException("course.hours_invalid", "Credit hours must be between 0 and 1000.");
        if (heldOn.Year is < 2000 or > 2200) throw new DomainException("event.date_invalid", "Unlikely date.");
        if (templateId == Guid.Empty) throw new DomainException("event.template_required", "Choose a certificate design.");
        (Name, HeldOn, CreditHours, TemplateId) = (clean, heldOn, creditHours, templateId);
    }
}

using Lms.Domain.Calendar;
using Lms.Domain.Common;
using Lms.Domain.Organisation;

namespace Lms.Domain.Courses;

/// <summary>
/// A self-paced course. Designers edit the draft (this aggregate); <see cref="Publish"/> checks it
/// and bumps the version that learners see, so a half-edited course is never shown. Activity ids stay
/// the same across versions, so learners' progress carries over.
/// </summary>
public sealed class Course
{
    public Guid Id { get; private set; }
    public Guid? CategoryId { get; private set; }
    public string TitleTh { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    /// <summary>Markdown shown in the catalogue.</summary>
    public string Summary { get; private set; } = "";
    public string? CoverImageKey { get; private set; }
    /// <summary>ชั่วโมง: printed on certificates and summed in reports.</summary>
    public decimal CreditHours { get; private set; }
    /// <summary>The certificate design issued when a learner completes the course; null: no certificate.</summary>
    public Guid? CertificateTemplateId { get; private set; }
    /// <summary>The fiscal year (Buddhist Era) the course belongs to.</summary>
    public int FiscalYear { get; private set; }
    private List<Position> targetPositions = [];
    /// <summary>Who the course is for; empty = everyone.</summary>
    public IReadOnlyList<Position> TargetPositions => targetPositions;
    public bool SelfEnrolment { get; private set; }
    public DateTime? EnrolmentOpensAtUtc { get; private set; }
    public DateTime? EnrolmentClosesAtUtc { get; private set; }
    /// <summary>
    /// ต้องเรียนจบภายใน: the moment enrolled learners should have completed the course by (the end of its last day,
    /// Thailand time). Reminders count down to it and the calendar feed shows it. Like the enrolment window it is a
    /// setting of the course that applies at once, not part of a published version.
    /// </summary>
    public DateTime? CompleteByUtc { get; private set; }
    public CourseCompletionMode CompletionMode { get; private set; } = CourseCompletionMode.AllTrackedActivities;
    private List<Guid> chosenActivityIds = [];
    public IReadOnlyList<Guid> ChosenActivityIds => chosenActivityIds;

    public CourseStatus Status { get; private set; } = CourseStatus.Draft;
    public int PublishedVersion { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    public bool HasUnpublishedChanges { get; private set; } = true;
    public Guid CreatedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    private readonly List<CourseSection> sections = [];
    public IReadOnlyList<CourseSection> Sections => sections.OrderBy(s => s.SortOrder).ToList();

    private Course() { }

    public Course(Guid id, string titleTh, string titleEn, FiscalYear fiscalYear, decimal creditHours, Guid createdBy, DateTime nowUtc)
    {
        if (id == Guid.Empty) throw new DomainException("course.id_required", "A course needs an id.");
        Id = id;
        CreatedBy = createdBy;
        CreatedAtUtc = nowUtc;
        Describe(titleTh, titleEn, "", creditHours, fiscalYear);
    }

    public IEnumerable<Activity> AllActivities => Sections.SelectMany(s => s.Activities);

    public void Describe(string titleTh, string titleEn, string summary, decimal creditHours, FiscalYear fiscalYear)
    {
        var th = Text.Required(titleTh, "course.title_required", 200);
        var en = Text.Optional(titleEn, 200);
        if (creditHours is < 0 or > 1000) throw new DomainException("course.hours_invalid", "Credit hours must be between 0 and 1000.");
        if (fiscalYear.BuddhistYear is < 2500 or > 2700) throw new DomainException("course.fiscal_year_invalid", "Unlikely fiscal year.");
        (TitleTh, TitleEn, Summary, CreditHours, FiscalYear) = (th, en, summary ?? "", creditHours, fiscalYear.BuddhistYear);
        Edited();
    }

    public void Categorise(Guid? categoryId) { CategoryId = categoryId; Edited(); }
    /// <summary>Chooses the certificate design (office-wide or this course's; the page checks which) or none.</summary>
    public void AwardCertificate(Guid? templateId) { CertificateTemplateId = templateId == Guid.Empty ? null : templateId; Edited(); }
    public void ChangeCover(string? imageKey) { CoverImageKey = imageKey; Edited(); }

    public void Target(IEnumerable<Position> positions)
    {
        var list = positions.Distinct().ToList();
        if (list.Any(p => !Enum.IsDefined(p))) throw new DomainException("person.position_invalid", "Unknown position.");
        targetPositions = list;
        Edited();
    }

    public void SetEnrolment(bool selfEnrolment, DateTime? opensAtUtc, DateTime? closesAtUtc)
    {
        if (opensAtUtc is { } o && closesAtUtc is { } c && c <= o)
            throw new DomainException("course.enrolment_window_invalid", "Enrolment must close after it opens.");
        (SelfEnrolment, EnrolmentOpensAtUtc, EnrolmentClosesAtUtc) = (selfEnrolment, opensAtUtc, closesAtUtc);
        Edited();
    }

    /// <summary>Sets or clears the completion deadline; it cannot fall before enrolment opens.</summary>
    public void SetCompleteBy(DateTime? completeByUtc)
    {
        if (completeByUtc is { } by && EnrolmentOpensAtUtc is { } opens && by <= opens)
            throw new DomainException("course.complete_by_invalid", "The completion deadline must be after enrolment opens.");
        CompleteByUtc = completeByUtc;
        Edited();
    }

    public bool IsFor(Position position) => targetPositions.Count == 0 || targetPositions.Contains(position);

    /// <summary>May a learner enrol themself now?</summary>
    public bool IsOpenForSelfEnrolment(DateTime nowUtc) =>
        Status == CourseStatus.Published && SelfEnrolment &&
        (EnrolmentOpensAtUtc is null || nowUtc >= EnrolmentOpensAtUtc) &&
        (EnrolmentClosesAtUtc is null || nowUtc < EnrolmentClosesAtUtc);

    // ---- structure -------------------------------------------------------------------------------

    public CourseSection AddSection(Guid id, string title)
    {
        var section = new CourseSection(id, title) { CourseId = Id, SortOrder = sections.Count };
        sections.Add(section);
        Edited();
        return section;
    }

    public void RenameSection(Guid sectionId, string title) { Section(sectionId).Rename(title); Edited(); }

    public void MoveSection(Guid sectionId, int newIndex)
    {
        var ordered = Sections.ToList();
        var section = Section(sectionId);
        ordered.Remove(section);
        ordered.Insert(Math.Clamp(newIndex, 0, ordered.Count), section);
        for (var i = 0; i < ordered.Count; i++) ordered[i].SortOrder = i;
        Edited();
    }

    public void RemoveSection(Guid sectionId)
    {
        var section = Section(sectionId);
        foreach (var a in section.Activities) EnsureNothingWaitsFor(a.Id);
        sections.Remove(section);
        var ordered = Sections.ToList();
        for (var i = 0; i < ordered.Count; i++) ordered[i].SortOrder = i;
        chosenActivityIds.RemoveAll(id => section.Activities.Any(a => a.Id == id));
        Edited();
    }

    public void AddActivity(Guid sectionId, Activity activity, int? index = null)
    {
        if (AllActivities.Any(a => a.Id == activity.Id)) throw new DomainException("activity.duplicate", "This activity is already in the course.");
        var section = Section(sectionId);
        section.Insert(activity, index ?? section.Activities.Count);
        Edited();
    }

    /// <summary>Drag and drop (or the keyboard's up/down buttons): to any position of any section.</summary>
    public void MoveActivity(Guid activityId, Guid toSectionId, int newIndex)
    {
        var activity = Activity(activityId);
        var from = Section(activity.SectionId);
        var to = Section(toSectionId);
        from.Remove(activity);
        to.Insert(activity, newIndex);
        Edited();
    }

    public void RemoveActivity(Guid activityId)
    {
        var activity = Activity(activityId);
        EnsureNothingWaitsFor(activityId);
        Section(activity.SectionId).Remove(activity);
        chosenActivityIds.Remove(activityId);
        Edited();
    }

    /// <summary>Changes an activity through <paramref name="change"/> (so the draft is marked edited).</summary>
    public void ChangeActivity(Guid activityId, Action<Activity> change)
    {
        change(Activity(activityId));
        Edited();
    }

    public void SetCompletion(CourseCompletionMode mode, IEnumerable<Guid> chosenActivities)
    {
        if (!Enum.IsDefined(mode)) throw new DomainException("course.completion_invalid", "Unknown completion mode.");
        var chosen = chosenActivities.Distinct().ToList();
        if (mode == CourseCompletionMode.ChosenActivities)
        {
            if (chosen.Count == 0) throw new DomainException("course.completion_choose", "Choose at least one activity.");
            foreach (var id in chosen)
                if (Activity(id).Criterion == CompletionCriterion.None)
                    throw new DomainException("course.completion_untracked", "A chosen activity must have a completion criterion.");
        }
        CompletionMode = mode;
        chosenActivityIds = mode == CourseCompletionMode.ChosenActivities ? chosen : [];
        Edited();
    }

    // ---- publishing ------------------------------------------------------------------------------

    /// <summary>Problems that stop publishing, as domain error codes (empty = publishable).</summary>
    public IReadOnlyList<string> PublishProblems()
    {
        var problems = new List<string>();
        var activities = AllActivities.ToList();
        if (activities.Count == 0) problems.Add("course.publish_empty");
        var ids = activities.Select(a => a.Id).ToHashSet();
        foreach (var a in activities)
        {
            try { a.Rules.Validate(); }
            catch (DomainException e) { problems.Add(e.Code); }
            if (a.OpensAfterActivityId is { } after && !ids.Contains(after)) problems.Add("activity.restriction_missing");
            if (a.Kind == ActivityKind.File && a.FileKey is null) problems.Add("activity.file_required");
        }
        if (HasRestrictionCycle(activities)) problems.Add("activity.restriction_cycle");
        var tracked = CourseOutline.From(this).RequiredActivityIds;
        if (activities.Count > 0 && tracked.Count == 0) problems.Add("course.publish_nothing_to_complete");
        return problems.Distinct().ToList();
    }

    public void Publish(DateTime nowUtc)
    {
        var problems = PublishProblems();
        if (problems.Count > 0) throw new DomainException(problems[0], $"Cannot publish: {string.Join(", ", problems)}");
        PublishedVersion++;
        PublishedAtUtc = nowUtc;
        Status = CourseStatus.Published;
        HasUnpublishedChanges = false;
    }

    public void Archive() => Status = CourseStatus.Archived;

    /// <summary>A draft copy for another fiscal year: same content and rules, new ids, nothing published.</summary>
    public Course DuplicateFor(FiscalYear fiscalYear, Func<Guid> newId, Guid createdBy, DateTime nowUtc)
    {
        var copy = new Course(newId(), TitleTh, TitleEn, fiscalYear, CreditHours, createdBy, nowUtc)
        {
            CategoryId = CategoryId, Summary = Summary, CoverImageKey = CoverImageKey, SelfEnrolment = SelfEnrolment,
            targetPositions = [.. targetPositions], CompletionMode = CompletionMode, CertificateTemplateId = CertificateTemplateId,
        };
        var activityIds = new Dictionary<Guid, Guid>();
        foreach (var s in Sections)
        {
            var sectionCopy = s.CopyAs(newId(), newId, activityIds);
            sectionCopy.CourseId = copy.Id;
            copy.sections.Add(sectionCopy);
        }
        foreach (var a in copy.AllActivities) a.RemapRestriction(activityIds);
        copy.chosenActivityIds = chosenActivityIds.Where(activityIds.ContainsKey).Select(id => activityIds[id]).ToList();
        return copy;
    }

    private static bool HasRestrictionCycle(List<Activity> activities)
    {
        var next = activities.Where(a => a.OpensAfterActivityId is not null).ToDictionary(a => a.Id, a => a.OpensAfterActivityId!.Value);
        foreach (var start in next.Keys)
        {
            var seen = new HashSet<Guid> { start };
            var current = start;
            while (next.TryGetValue(current, out var after))
            {
                if (!seen.Add(after)) return true;
                current = after;
            }
        }
        return false;
    }

    private void EnsureNothingWaitsFor(Guid activityId)
    {
        if (AllActivities.Any(a => a.OpensAfterActivityId == activityId))
            throw new DomainException("activity.has_dependants", "Another activity opens after this one; change that first.");
    }

    private CourseSection Section(Guid id) =>
        sections.FirstOrDefault(s => s.Id == id) ?? throw new DomainException("section.not_found", "No such section in this course.");

    private Activity Activity(Guid id) =>
        AllActivities.FirstOrDefault(a => a.Id == id) ?? throw new DomainException("activity.not_found", "No such activity in this course.");

    private void Edited() => HasUnpublishedChanges = true;
}

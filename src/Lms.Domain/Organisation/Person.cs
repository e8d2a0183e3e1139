using Lms.Domain.Common;

namespace Lms.Domain.Organisation;

/// <summary>
/// A member of staff as the office knows them. Sign-in credentials live in the account
/// (Infrastructure, same Id); this holds only what the programme needs (PDPA: no national ID,
/// no birth date, no phone number).
/// </summary>
public sealed class Person
{
    public Guid Id { get; private set; }
    /// <summary>คำนำหน้าชื่อ as printed on certificates: นาย, นาง, นางสาว, ว่าที่ร้อยตรี, ดร. …</summary>
    public string Title { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string FirstNameEn { get; private set; } = "";
    public string LastNameEn { get; private set; } = "";
    public Position Position { get; private set; }
    /// <summary>Null for office staff and outside trainers.</summary>
    public Guid? SchoolId { get; private set; }
    public SubjectArea? SubjectArea { get; private set; }
    public bool IsActive { get; private set; } = true;
    public DateTime? DeactivatedAtUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    /// <summary>Set when the person's data was anonymised on request (PDPA right to erasure).</summary>
    public DateTime? AnonymisedAtUtc { get; private set; }

    private Person() { }

    public Person(Guid id, string title, string firstName, string lastName, Position position,
        Guid? schoolId, SubjectArea? subjectArea, DateTime createdAtUtc)
    {
        if (id == Guid.Empty) throw new DomainException("person.id_required", "A person needs an id.");
        Id = id;
        CreatedAtUtc = createdAtUtc;
        Rename(title, firstName, lastName, "", "");
        Assign(position, schoolId, subjectArea);
    }

    public string FullName => string.IsNullOrEmpty(Title) ? $"{FirstName} {LastName}" : $"{Title}{FirstName} {LastName}";

    public void Rename(string title, string firstName, string lastName, string firstNameEn, string lastNameEn)
    {
        EnsureNotAnonymised();
        // Check everything before changing anything: a refused rename leaves the person as they were.
        var cleanTitle = Text.Optional(title, 60);
        var first = Text.Required(firstName, "person.first_name_required", 100);
        var last = Text.Required(lastName, "person.last_name_required", 100);
        var firstEn = Text.Optional(firstNameEn, 100);
        var lastEn = Text.Optional(lastNameEn, 100);
        (Title, FirstName, LastName, FirstNameEn, LastNameEn) = (cleanTitle, first, last, firstEn, lastEn);
    }

    /// <summary>Places the person. Teachers, assistant teachers and directors work in a school.</summary>
    public void Assign(Position position, Guid? schoolId, SubjectArea? subjectArea)
    {
        if (!Enum.IsDefined(position)) throw new DomainException("person.position_invalid", "Unknown position.");
        if (subjectArea is { } area && !Enum.IsDefined(area)) throw new DomainException("person.subject_invalid", "Unknown subject area.");
        if (RequiresSchool(position) && schoolId is null)
            throw new DomainException("person.school_required", $"A {position} must belong to a school.");
        Position = position;
        SchoolId = schoolId;
        SubjectArea = subjectArea;
    }

    public static bool RequiresSchool(Position position) =>
        position is Position.AssistantTeacher or Position.Teacher or Position.SchoolDirector;

    /// <summary>Deactivation keeps every record; the person can no longer sign in.</summary>
    public void Deactivate(DateTime nowUtc)
    {
        if (!IsActive) return;
        IsActive = false;
        DeactivatedAtUtc = nowUtc;
    }

    public void Reactivate()
    {
        if (AnonymisedAtUtc is not null) throw new DomainException("person.anonymised", "An anonymised person cannot be reactivated.");
        IsActive = true;
        DeactivatedAtUtc = null;
    }

    /// <summary>Replaces what identifies the person while keeping their learning records countable.</summary>
    public void Anonymise(DateTime nowUtc)
    {
        if (AnonymisedAtUtc is not null) return; // erasing twice keeps the first date
        Title = "";
        FirstName = "ผู้ใช้ที่ลบข้อมูลแล้ว";
        LastName = Id.ToString("N")[..8];
        FirstNameEn = "";
        LastNameEn = "";
        AnonymisedAtUtc = nowUtc;
        Deactivate(nowUtc);
    }

    /// <summary>After erasure nobody may type the person's identity back in.</summary>
    private void EnsureNotAnonymised()
    {
        if (AnonymisedAtUtc is not null)
            throw new DomainException("person.anonymised", "An anonymised person cannot be changed.");
    }
}

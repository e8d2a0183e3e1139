using Lms.Domain.Common;
using Lms.Domain.Organisation;

namespace Lms.Domain.Tests;

public class PersonTests
{
    private static readonly Guid SchoolId = Guid.Parse("5c4f3e2d-1111-4222-8333-944455566677");
    private static readonly DateTime Created = new(2025, 10, 1, 2, 0, 0, DateTimeKind.Utc);

    private static Person NewTeacher(Guid? id = null) =>
        new(id ?? Guid.NewGuid(), "นางสาว", "กิ่งก้อย", "ผู้ใฝ่รู้", Position.Teacher, SchoolId, SubjectArea.Thai, Created);

    private static Person NewPerson(string title, string first, string last,
        Position position = Position.Supervisor, Guid? schoolId = null, SubjectArea? area = null) =>
        new(Guid.NewGuid(), title, first, last, position, schoolId, area, Created);

    [Fact]
    public void A_new_person_keeps_what_they_were_created_with_and_is_active()
    {
        var id = Guid.NewGuid();
        var p = new Person(id, "นาย", "สมชาย", "ใจดี", Position.Teacher, SchoolId, SubjectArea.Mathematics, Created);

        Assert.Equal(id, p.Id);
        Assert.Equal("นาย", p.Title);
        Assert.Equal("สมชาย", p.FirstName);
        Assert.Equal("ใจดี", p.LastName);
        Assert.Equal("", p.FirstNameEn);
        Assert.Equal("", p.LastNameEn);
        Assert.Equal(Position.Teacher, p.Position);
        Assert.Equal(SchoolId, p.SchoolId);
        Assert.Equal(SubjectArea.Mathematics, p.SubjectArea);
        Assert.Equal(Created, p.CreatedAtUtc);
        Assert.True(p.IsActive);
        Assert.Null(p.DeactivatedAtUtc);
        Assert.Null(p.AnonymisedAtUtc);
    }

    [Fact]
    public void A_person_needs_an_id()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new Person(Guid.Empty, "", "สมชาย", "ใจดี", Position.Supervisor, null, null, Created));
        Assert.Equal("person.id_required", ex.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B")]
    public void A_person_needs_a_first_name(string? firstName)
    {
        var ex = Assert.Throws<DomainException>(() => NewPerson("", firstName!, "ใจดี"));
        Assert.Equal("person.first_name_required", ex.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void A_person_needs_a_last_name(string? lastName)
    {
        var ex = Assert.Throws<DomainException>(() => NewPerson("", "สมชาย", lastName!));
        Assert.Equal("person.last_name_required", ex.Code);
    }

    [Fact]
    public void A_refused_rename_changes_nothing()
    {
        var p = NewTeacher();
        p.Rename("นางสาว", "กิ่งก้อย", "ผู้ใฝ่รู้", "Kingkoi", "Phuphairu");

        var ex = Assert.Throws<DomainException>(() => p.Rename("นาง", " ", "ใจดี", "Somsri", "Jaidee"));

        Assert.Equal("person.first_name_required", ex.Code);
        Assert.Equal("นางสาว", p.Title);
        Assert.Equal("กิ่งก้อย", p.FirstName);
        Assert.Equal("ผู้ใฝ่รู้", p.LastName);
        Assert.Equal("Kingkoi", p.FirstNameEn);
        Assert.Equal("Phuphairu", p.LastNameEn);
    }

    [Fact]
    public void A_rename_refused_for_a_too_long_English_name_changes_nothing()
    {
        var p = NewTeacher();
        var ex = Assert.Throws<DomainException>(() => p.Rename("นาง", "สมศรี", "ใจดี", "Somsri", new string('x', 101)));
        Assert.Equal("text.too_long", ex.Code);
        Assert.Equal("นางสาวกิ่งก้อย ผู้ใฝ่รู้", p.FullName);
        Assert.Equal("", p.FirstNameEn);
    }

    [Theory]
    [InlineData(Position.Teacher)]
    [InlineData(Position.AssistantTeacher)]
    [InlineData(Position.SchoolDirector)]
    public void Teachers_assistant_teachers_and_directors_must_belong_to_a_school(Position position)
    {
        var ex = Assert.Throws<DomainException>(() => NewPerson("", "สมชาย", "ใจดี", position, schoolId: null));
        Assert.Equal("person.school_required", ex.Code);
        Assert.True(Person.RequiresSchool(position));
    }

    [Theory]
    [InlineData(Position.Teacher)]
    [InlineData(Position.AssistantTeacher)]
    [InlineData(Position.SchoolDirector)]
    public void Teachers_assistant_teachers_and_directors_with_a_school_are_accepted(Position position)
    {
        var p = NewPerson("", "สมชาย", "ใจดี", position, SchoolId);
        Assert.Equal(position, p.Position);
        Assert.Equal(SchoolId, p.SchoolId);
    }

    [Theory]
    [InlineData(Position.Supervisor)]
    [InlineData(Position.External)]
    [InlineData(Position.EducationalPersonnel)]
    public void Supervisors_outsiders_and_educational_personnel_need_no_school(Position position)
    {
        var p = NewPerson("", "สมชาย", "ใจดี", position, schoolId: null);
        Assert.Equal(position, p.Position);
        Assert.Null(p.SchoolId);
        Assert.False(Person.RequiresSchool(position));
    }

    [Fact]
    public void Moving_a_teacher_out_of_their_school_is_refused_and_leaves_them_where_they_were()
    {
        var p = NewTeacher();
        var ex = Assert.Throws<DomainException>(() => p.Assign(Position.Teacher, null, SubjectArea.Thai));
        Assert.Equal("person.school_required", ex.Code);
        Assert.Equal(SchoolId, p.SchoolId);
        Assert.Equal(Position.Teacher, p.Position);
    }

    [Fact]
    public void A_teacher_who_becomes_a_supervisor_can_leave_the_school()
    {
        var p = NewTeacher();
        p.Assign(Position.Supervisor, null, null);
        Assert.Equal(Position.Supervisor, p.Position);
        Assert.Null(p.SchoolId);
        Assert.Null(p.SubjectArea);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-1)]
    public void An_undefined_position_is_refused(int value)
    {
        var ex = Assert.Throws<DomainException>(() =>
            NewPerson("", "สมชาย", "ใจดี", (Position)value, SchoolId));
        Assert.Equal("person.position_invalid", ex.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void An_undefined_subject_area_is_refused(int value)
    {
        var ex = Assert.Throws<DomainException>(() =>
            NewPerson("", "สมชาย", "ใจดี", Position.Teacher, SchoolId, (SubjectArea)value));
        Assert.Equal("person.subject_invalid", ex.Code);
    }

    [Fact]
    public void Thai_titles_attach_to_the_first_name_without_a_space()
    {
        Assert.Equal("นางสาวกิ่งก้อย ผู้ใฝ่รู้", NewTeacher().FullName);
        Assert.Equal("ดร.สมศรี มีสุข", NewPerson("ดร.", "สมศรี", "มีสุข").FullName);
    }

    [Fact]
    public void Without_a_title_the_full_name_is_first_and_last_name()
    {
        Assert.Equal("กิ่งก้อย ผู้ใฝ่รู้", NewPerson("", "กิ่งก้อย", "ผู้ใฝ่รู้").FullName);
        Assert.Equal("กิ่งก้อย ผู้ใฝ่รู้", NewPerson("   ", "กิ่งก้อย", "ผู้ใฝ่รู้").FullName);
    }

    [Fact]
    public void Names_are_cleaned_of_extra_white_space_and_zero_width_spaces()
    {
        var p = NewPerson("  นาง\u200B ", "  สม\u200Bศรี  ", "มี\t\tสุข  ดี\u00A0", Position.Supervisor);
        Assert.Equal("นาง", p.Title);
        Assert.Equal("สมศรี", p.FirstName);
        Assert.Equal("มี สุข ดี", p.LastName);
    }

    [Fact]
    public void Names_are_normalised_so_two_typings_of_the_same_name_are_equal()
    {
        // กุ่ typed tone-mark-first and vowel-first: canonical ordering makes them the same string.
        var toneFirst = NewPerson("", "ก\u0E48\u0E38ง", "ใจดี");
        var vowelFirst = NewPerson("", "ก\u0E38\u0E48ง", "ใจดี");
        Assert.Equal(vowelFirst.FirstName, toneFirst.FirstName);
        Assert.Equal("ก\u0E38\u0E48ง", toneFirst.FirstName);

        var p = new Person(Guid.NewGuid(), "", "Rene\u0301", "Dupont", Position.External, null, null, Created);
        Assert.Equal("Ren\u00E9", p.FirstName);
    }

    [Fact]
    public void English_names_are_optional_and_cleaned()
    {
        var p = NewTeacher();
        p.Rename("นางสาว", "กิ่งก้อย", "ผู้ใฝ่รู้", "  Kingkoi ", " Phuphairu\u200B ");
        Assert.Equal("Kingkoi", p.FirstNameEn);
        Assert.Equal("Phuphairu", p.LastNameEn);
    }

    [Fact]
    public void A_first_name_of_a_hundred_characters_is_accepted_and_one_more_is_too_long()
    {
        var hundred = new string('ก', 100);
        Assert.Equal(hundred, NewPerson("", "  " + hundred + "  ", "ใจดี").FirstName);

        var ex = Assert.Throws<DomainException>(() => NewPerson("", hundred + "ก", "ใจดี"));
        Assert.Equal("text.too_long", ex.Code);
    }

    [Fact]
    public void A_too_long_last_title_or_English_name_is_refused()
    {
        Assert.Equal("text.too_long",
            Assert.Throws<DomainException>(() => NewPerson("", "สมชาย", new string('ข', 101))).Code);
        Assert.Equal("text.too_long",
            Assert.Throws<DomainException>(() => NewPerson(new string('น', 61), "สมชาย", "ใจดี")).Code);
        Assert.Equal("text.too_long",
            Assert.Throws<DomainException>(() => NewTeacher().Rename("", "สมชาย", "ใจดี", new string('a', 101), "")).Code);
    }

    [Fact]
    public void Deactivating_records_the_time_and_ends_activity()
    {
        var p = NewTeacher();
        var at = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        p.Deactivate(at);
        Assert.False(p.IsActive);
        Assert.Equal(at, p.DeactivatedAtUtc);
    }

    [Fact]
    public void Deactivating_twice_keeps_the_first_time()
    {
        var p = NewTeacher();
        var first = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        p.Deactivate(first);
        p.Deactivate(first.AddDays(5));
        Assert.False(p.IsActive);
        Assert.Equal(first, p.DeactivatedAtUtc);
    }

    [Fact]
    public void Reactivating_clears_the_deactivation_time()
    {
        var p = NewTeacher();
        p.Deactivate(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc));
        p.Reactivate();
        Assert.True(p.IsActive);
        Assert.Null(p.DeactivatedAtUtc);
    }

    [Fact]
    public void Anonymising_removes_everything_that_names_the_person()
    {
        var id = Guid.NewGuid();
        var p = NewTeacher(id);
        p.Rename("นางสาว", "กิ่งก้อย", "ผู้ใฝ่รู้", "Kingkoi", "Phuphairu");

        p.Anonymise(new DateTime(2026, 4, 1, 3, 0, 0, DateTimeKind.Utc));

        Assert.Equal("", p.Title);
        Assert.Equal("", p.FirstNameEn);
        Assert.Equal("", p.LastNameEn);
        foreach (var original in new[] { "นางสาว", "กิ่งก้อย", "ผู้ใฝ่รู้", "Kingkoi", "Phuphairu" })
        {
            Assert.DoesNotContain(original, p.FirstName);
            Assert.DoesNotContain(original, p.LastName);
            Assert.DoesNotContain(original, p.FullName);
        }
        Assert.NotEqual("", p.FirstName);
        Assert.NotEqual("", p.LastName);
    }

    [Fact]
    public void Anonymised_people_stay_countable_by_position_and_school()
    {
        var p = NewTeacher();
        p.Anonymise(new DateTime(2026, 4, 1, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal(Position.Teacher, p.Position);
        Assert.Equal(SchoolId, p.SchoolId);
    }

    [Fact]
    public void Two_anonymised_people_get_different_placeholder_names()
    {
        var a = NewTeacher(Guid.Parse("11111111-2222-4333-8444-555555555555"));
        var b = NewTeacher(Guid.Parse("aaaaaaaa-2222-4333-8444-555555555555"));
        var at = new DateTime(2026, 4, 1, 3, 0, 0, DateTimeKind.Utc);
        a.Anonymise(at);
        b.Anonymise(at);
        Assert.NotEqual(a.FullName, b.FullName);
    }

    [Fact]
    public void Anonymising_records_the_time_and_deactivates()
    {
        var p = NewTeacher();
        var at = new DateTime(2026, 4, 1, 3, 0, 0, DateTimeKind.Utc);
        p.Anonymise(at);
        Assert.Equal(at, p.AnonymisedAtUtc);
        Assert.False(p.IsActive);
        Assert.Equal(at, p.DeactivatedAtUtc);
    }

    [Fact]
    public void Anonymising_someone_already_deactivated_keeps_the_original_deactivation_time()
    {
        var p = NewTeacher();
        var deactivated = new DateTime(2026, 1, 10, 3, 0, 0, DateTimeKind.Utc);
        var anonymised = new DateTime(2026, 4, 1, 3, 0, 0, DateTimeKind.Utc);
        p.Deactivate(deactivated);
        p.Anonymise(anonymised);
        Assert.Equal(deactivated, p.DeactivatedAtUtc);
        Assert.Equal(anonymised, p.AnonymisedAtUtc);
    }

    [Fact]
    public void An_anonymised_person_cannot_be_reactivated()
    {
        var p = NewTeacher();
        var at = new DateTime(2026, 4, 1, 3, 0, 0, DateTimeKind.Utc);
        p.Anonymise(at);

        var ex = Assert.Throws<DomainException>(p.Reactivate);
        Assert.Equal("person.anonymised", ex.Code);
        Assert.False(p.IsActive);
        Assert.Equal(at, p.DeactivatedAtUtc);
    }

    [Fact]
    public void Erasing_twice_keeps_the_date_of_the_first_erasure()
    {
        var person = NewTeacher();
        var first = Created.AddDays(10);
        person.Anonymise(first);
        person.Anonymise(first.AddDays(5));
        Assert.Equal(first, person.AnonymisedAtUtc);
    }

    [Fact]
    public void An_erased_person_cannot_be_renamed_back()
    {
        var person = NewTeacher();
        person.Anonymise(Created.AddDays(1));
        var e = Assert.Throws<Lms.Domain.Common.DomainException>(() => person.Rename("นาง", "สมศรี", "กลับมา", "", ""));
        Assert.Equal("person.anonymised", e.Code);
        Assert.Equal("ผู้ใช้ที่ลบข้อมูลแล้ว", person.FirstName);
    }
}

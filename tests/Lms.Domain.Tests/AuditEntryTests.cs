using System.Text.Json;
using Lms.Domain.Auditing;

namespace Lms.Domain.Tests;

public class AuditEntryTests
{
    private static readonly DateTime At = new(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc);
    private static readonly Guid Actor = Guid.Parse("acac0000-1111-4222-8333-444455556666");

    private static AuditEntry Entry(string? before, string? after, string action = "Updated") =>
        new(At, Actor, "นายผู้ดูแล ระบบ", action, "Person", "p-1", before, after);

    [Fact]
    public void An_entry_keeps_what_it_was_given()
    {
        var e = Entry("{\"FirstName\":\"กิ่งก้อย\"}", "{\"FirstName\":\"กิ่งแก้ว\"}");
        Assert.Equal(At, e.AtUtc);
        Assert.Equal(Actor, e.ActorId);
        Assert.Equal("นายผู้ดูแล ระบบ", e.ActorName);
        Assert.Equal("Updated", e.Action);
        Assert.Equal("Person", e.EntityType);
        Assert.Equal("p-1", e.EntityId);
        Assert.Equal("{\"FirstName\":\"กิ่งก้อย\"}", e.Before);
        Assert.Equal("{\"FirstName\":\"กิ่งแก้ว\"}", e.After);
    }

    [Fact]
    public void Redacting_an_update_replaces_both_old_and_new_values()
    {
        var e = Entry("{\"FirstName\":\"กิ่งก้อย\"}", "{\"FirstName\":\"กิ่งแก้ว\"}");
        e.Redact();
        Assert.DoesNotContain("กิ่งก้อย", e.Before);
        Assert.DoesNotContain("กิ่งแก้ว", e.After);
        Assert.NotNull(e.Before);
        Assert.NotNull(e.After);
    }

    [Fact]
    public void The_redacted_values_are_JSON_that_says_so()
    {
        var e = Entry("{\"LastName\":\"ผู้ใฝ่รู้\"}", "{\"LastName\":\"ใจดี\"}");
        e.Redact();
        using var before = JsonDocument.Parse(e.Before!);
        using var after = JsonDocument.Parse(e.After!);
        Assert.True(before.RootElement.GetProperty("redacted").GetBoolean());
        Assert.True(after.RootElement.GetProperty("redacted").GetBoolean());
    }

    [Fact]
    public void Redacting_a_creation_keeps_the_missing_old_values_missing()
    {
        var e = Entry(null, "{\"FirstName\":\"กิ่งก้อย\"}", "Created");
        e.Redact();
        Assert.Null(e.Before);
        Assert.NotNull(e.After);
        Assert.DoesNotContain("กิ่งก้อย", e.After);
    }

    [Fact]
    public void Redacting_a_deletion_keeps_the_missing_new_values_missing()
    {
        var e = Entry("{\"FirstName\":\"กิ่งก้อย\"}", null, "Deleted");
        e.Redact();
        Assert.NotNull(e.Before);
        Assert.DoesNotContain("กิ่งก้อย", e.Before);
        Assert.Null(e.After);
    }

    [Fact]
    public void Redacting_keeps_the_record_of_who_did_what_and_when()
    {
        var e = Entry("{\"FirstName\":\"กิ่งก้อย\"}", "{\"FirstName\":\"กิ่งแก้ว\"}");
        e.Redact();
        Assert.Equal(At, e.AtUtc);
        Assert.Equal(Actor, e.ActorId);
        Assert.Equal("Updated", e.Action);
        Assert.Equal("Person", e.EntityType);
        Assert.Equal("p-1", e.EntityId);
    }

    [Fact]
    public void Redacting_twice_is_harmless()
    {
        var e = Entry("{\"a\":1}", null);
        e.Redact();
        var once = e.Before;
        e.Redact();
        Assert.Equal(once, e.Before);
        Assert.Null(e.After);
    }
}

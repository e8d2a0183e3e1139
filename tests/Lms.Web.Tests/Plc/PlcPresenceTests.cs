using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Plc;

/// <summary>Who is online and who is typing, as the other members' pages see it.</summary>
public sealed class PlcPresenceTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task Members_see_who_comes_online_and_who_leaves()
    {
        var a = await app.NewTeacherAsync();
        var b = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a, b);
        await using var ra = await app.OpenRoomClientAsync(a);
        Assert.Equal([a.Id], (await ra.JoinAsync(group)).OnlineIds);

        var rb = await app.OpenRoomClientAsync(b);
        var joined = await rb.JoinAsync(group);
        Assert.Equal(new[] { a.Id, b.Id }.Order(), joined.OnlineIds.Order());
        await ra.WaitUntilAsync(r => r.Presence.Any(p => p.Group == group && p.Online.Contains(b.Id)), "the other member online");

        await rb.DisposeAsync(); // the tab is closed
        await ra.WaitUntilAsync(r => r.Presence.LastOrDefault(p => p.Group == group).Online is { } online && !online.Contains(b.Id), "the other member gone");
        Assert.False(await app.DbAsync(db => db.PlcRoomConnections.AnyAsync(c => c.PersonId == b.Id)));
    }

    [Fact]
    public async Task Presence_rows_of_an_instance_that_stopped_expire_by_themselves()
    {
        var a = await app.NewTeacherAsync();
        var other = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a, other);
        // The other member's connection on an instance that died: its row was never deleted and is no longer refreshed.
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO plc_room_connections (connection_id, group_id, person_id, expires_at_utc) VALUES ('gone-instance', {group}, {other.Id}, {DateTime.UtcNow.AddSeconds(-1)})"));
        await using var ra = await app.OpenRoomClientAsync(a);
        Assert.Equal([a.Id], (await ra.JoinAsync(group)).OnlineIds);
        await app.Services.GetRequiredService<Lms.Infrastructure.Plc.PlcPresence>().RefreshAsync([], CancellationToken.None);
        Assert.False(await app.DbAsync(db => db.PlcRoomConnections.AnyAsync(c => c.ConnectionId == "gone-instance")));
    }

    [Fact]
    public async Task Typing_is_shown_to_the_others_at_most_every_few_seconds()
    {
        var a = await app.NewTeacherAsync();
        var b = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a, b);
        await using var ra = await app.OpenRoomClientAsync(a);
        await using var rb = await app.OpenRoomClientAsync(b);
        await ra.JoinAsync(group);
        await rb.JoinAsync(group);

        for (var i = 0; i < 5; i++) await ra.Connection.InvokeAsync("Typing", group);
        await rb.WaitUntilAsync(r => r.TypingSignals.Count == 1, "'typing…'");
        await Task.Delay(300);
        Assert.Equal([(group, a.Id)], rb.TypingSignals);
        Assert.Empty(ra.TypingSignals); // not echoed to the one typing
    }
}

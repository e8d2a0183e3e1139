using System.Reflection;
using System.Text.Json;
using Lms.Domain.Plc;
using Lms.Web.Plc;
using Lms.Web.Tests.Plc;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Security;

/// <summary>The PLC hub, method by method and caller by caller, against <see cref="AuthorizationMatrix.PlcHubMethods"/>.</summary>
public sealed class PlcHubMatrixTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public void Every_hub_method_is_declared_in_the_matrix_and_nothing_else()
    {
        var methods = typeof(PlcHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync"))
            .Select(m => m.Name).Order().ToList();
        Assert.Equal(AuthorizationMatrix.PlcHubMethods.Keys.Order().ToList(), methods);
    }

    [Fact]
    public async Task Every_hub_method_allows_or_refuses_each_kind_of_caller_as_declared()
    {
        var facilitator = await app.NewTeacherAsync();
        var member = await app.NewTeacherAsync();
        var stranger = await app.NewTeacherAsync();
        var removed = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(facilitator, member, removed);
        await app.ScopeAsync(sp => sp.GetRequiredService<PlcMemberChanges>().RemoveAsync(group, removed.Id, CancellationToken.None));
        var callers = new Dictionary<RoomCaller, RoomClient>
        {
            [RoomCaller.Member] = await app.OpenRoomClientAsync(member),
            [RoomCaller.Facilitator] = await app.OpenRoomClientAsync(facilitator),
            [RoomCaller.Stranger] = await app.OpenRoomClientAsync(stranger),
            [RoomCaller.Removed] = await app.OpenRoomClientAsync(removed),
        };
        var message = PlcSteps.Message(group, "ข้อความสำหรับทดสอบสิทธิ์");
        Assert.True((await callers[RoomCaller.Facilitator].SendAsync(message)).Ok);

        object?[] Args(string method) => method switch
        {
            "JoinRoom" => [group, 0L],
            "LeaveRoom" or "CloseRoom" or "ReopenRoom" or "Typing" => [group],
            "SendMessage" => [PlcSteps.Message(group, "ทดสอบ")],
            "LoadOlder" or "MarkRead" => [group, 10L],
            "Search" => [group, "ทดสอบ"],
            "React" => [group, message.Id, PlcReaction.Allowed[0]],
            "Hide" => [group, message.Id, "ทดสอบ"],
            "Unhide" or "Pin" or "Unpin" => [group, message.Id],
            "Mute" => [group, member.Id, 5],
            "Unmute" => [group, member.Id],
            _ => throw new InvalidOperationException(method),
        };

        var failures = new List<string>();
        foreach (var (method, allowed) in AuthorizationMatrix.PlcHubMethods)
        {
            foreach (var (kind, client) in callers)
            {
                string outcome;
                bool refused;
                try
                {
                    var result = await client.Connection.InvokeCoreAsync(method, typeof(JsonElement?), Args(method));
                    var json = (JsonElement?)result;
                    refused = json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("ok", out var ok) && !ok.GetBoolean();
                    outcome = refused ? json!.Value.GetProperty("errorCode").GetString()! : "done";
                }
                catch (HubException e)
                {
                    refused = true;
                    outcome = e.Message;
                }
                if (allowed.Contains(kind) == refused) failures.Add($"{method} by {kind} → {outcome}");
            }
        }
        foreach (var c in callers.Values) await c.DisposeAsync();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

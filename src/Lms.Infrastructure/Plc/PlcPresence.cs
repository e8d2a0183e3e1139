using Npgsql;

namespace Lms.Infrastructure.Plc;

/// <summary>
/// Who has a room open, kept in PostgreSQL (plc_room_connections) so that it is the same answer on every app instance.
/// A row is a connection that joined a room; it is deleted when the connection closes and otherwise expires
/// <see cref="Lifetime"/> after its instance last refreshed it, so an instance that dies takes its people offline
/// within that time (docs/adr/0013).
/// </summary>
public sealed class PlcPresence(PlcConnections connections, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(90);
    /// <summary>How often an instance refreshes its rows (well inside <see cref="Lifetime"/>).</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    /// <summary>Records that the connection has the room open; returns who is online there now.</summary>
    public async Task<List<Guid>> JoinAsync(string connectionId, Guid groupId, Guid personId, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using (var command = new NpgsqlCommand("""
            INSERT INTO plc_room_connections (connection_id, group_id, person_id, expires_at_utc) VALUES ($1, $2, $3, $4)
            ON CONFLICT (connection_id, group_id) DO UPDATE SET expires_at_utc = excluded.expires_at_utc
            """, connection))
        {
            command.Parameters.Add(new() { Value = connectionId });
            command.Parameters.Add(new() { Value = groupId });
            command.Parameters.Add(new() { Value = personId });
            command.Parameters.Add(new() { Value = Now() + Lifetime });
            await command.ExecuteNonQueryAsync(ct);
        }
        return await OnlineAsync(connection, groupId, ct);
    }

    /// <summary>Forgets the connection's rooms (it closed, or left them); returns the rooms it was in.</summary>
    public async Task<List<Guid>> LeaveAsync(string connectionId, Guid? groupId, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "DELETE FROM plc_room_connections WHERE connection_id = $1 AND ($2::uuid IS NULL OR group_id = $2) RETURNING group_id", connection);
        command.Parameters.Add(new() { Value = connectionId });
        command.Parameters.Add(new() { Value = (object?)groupId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        var rooms = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rooms.Add(reader.GetGuid(0));
        return rooms;
    }

    /// <summary>A removed member's connections leave the room at once (on every instance: the rows are shared).</summary>
    public async Task RemovePersonAsync(Guid groupId, Guid personId, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = new NpgsqlCommand("DELETE FROM plc_room_connections WHERE group_id = $1 AND person_id = $2", connection);
        command.Parameters.Add(new() { Value = groupId });
        command.Parameters.Add(new() { Value = personId });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Keeps this instance's connections alive and drops rows that expired (of instances that are gone).</summary>
    public async Task RefreshAsync(IReadOnlyCollection<string> connectionIds, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("UPDATE plc_room_connections SET expires_at_utc = $2 WHERE connection_id = ANY($1)")
                {
                    Parameters = { new() { Value = connectionIds.ToArray() }, new() { Value = Now() + Lifetime } },
                },
                new("DELETE FROM plc_room_connections WHERE expires_at_utc < $1") { Parameters = { new() { Value = Now() } } },
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<List<Guid>> OnlineAsync(Guid groupId, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await OnlineAsync(connection, groupId, ct);
    }

    private async Task<List<Guid>> OnlineAsync(NpgsqlConnection connection, Guid groupId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT c.person_id FROM plc_room_connections c
              JOIN plc_members m ON m.group_id = c.group_id AND m.person_id = c.person_id AND m.removed_at_utc IS NULL
             WHERE c.group_id = $1 AND c.expires_at_utc > $2
            """, connection);
        command.Parameters.Add(new() { Value = groupId });
        command.Parameters.Add(new() { Value = Now() });
        var online = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) online.Add(reader.GetGuid(0));
        return online;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

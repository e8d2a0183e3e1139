using Npgsql;

namespace PlcLoad;

/// <summary>What PostgreSQL holds: the bench teachers and their groups, and the rooms' messages after the run.</summary>
public sealed class Verifier(string connectionString)
{
    public sealed record Room(Guid GroupId, long Count, long MinSeq, long MaxSeq, long Distinct);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        return db;
    }

    /// <summary>user name → (person, the one PLC group the person is a member of).</summary>
    public async Task<Dictionary<string, (Guid Person, Guid Group)>> MembersAsync(string prefix)
    {
        await using var db = await OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT u.user_name, u.id, m.group_id FROM users u JOIN plc_members m ON m.person_id = u.id AND m.removed_at_utc IS NULL
            WHERE u.user_name LIKE @p
            """, db);
        cmd.Parameters.AddWithValue("p", prefix + "%");
        var result = new Dictionary<string, (Guid, Guid)>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) result[r.GetString(0)] = (r.GetGuid(1), r.GetGuid(2));
        return result;
    }

    public async Task<Dictionary<Guid, Room>> RoomsAsync(IEnumerable<Guid> groups)
    {
        await using var db = await OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT g.id, count(m.id), coalesce(min(m.sequence), 0), coalesce(max(m.sequence), 0), count(DISTINCT m.sequence)
            FROM plc_groups g LEFT JOIN plc_messages m ON m.group_id = g.id WHERE g.id = ANY(@g) GROUP BY g.id
            """, db);
        cmd.Parameters.AddWithValue("g", groups.Distinct().ToArray());
        var result = new Dictionary<Guid, Room>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) result[r.GetGuid(0)] = new Room(r.GetGuid(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4));
        return result;
    }

    /// <summary>How many of these acknowledged messages are stored, with the number and room the sender was told.</summary>
    public async Task<long> StoredAsAckedAsync(IReadOnlyDictionary<Guid, long> acked, IReadOnlyDictionary<Guid, Sent> sends)
    {
        await using var db = await OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT count(*) FROM unnest(@ids, @seqs, @groups) AS a(id, seq, grp)
            JOIN plc_messages m ON m.id = a.id AND m.sequence = a.seq AND m.group_id = a.grp
            """, db);
        var ids = acked.Keys.ToArray();
        cmd.Parameters.AddWithValue("ids", ids);
        cmd.Parameters.AddWithValue("seqs", ids.Select(i => acked[i]).ToArray());
        cmd.Parameters.AddWithValue("groups", ids.Select(i => sends[i].GroupId).ToArray());
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}

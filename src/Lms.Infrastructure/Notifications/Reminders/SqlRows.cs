using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>Reads a few columns with plain Npgsql on the scope's connection: the scans' keyset-paged queries.</summary>
internal static class SqlRows
{
    public static async Task<List<T>> ReadAsync<T>(LmsDbContext db, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct,
        params NpgsqlParameter[] parameters)
    {
        var rows = new List<T>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            cmd.Parameters.AddRange(parameters);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) rows.Add(map(r));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows;
    }

    public static NpgsqlParameter<T> P<T>(T value) => new() { TypedValue = value };
}

using Npgsql;

namespace Lms.Infrastructure.Plc;

/// <summary>
/// Opens PostgreSQL connections for the room's hot paths (posting, catch-up, presence), which are single SQL statements
/// and gain nothing from a DbContext. Same connection string as the DbContexts, so the same Npgsql pool.
/// </summary>
public sealed class PlcConnections(string connectionString)
{
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}

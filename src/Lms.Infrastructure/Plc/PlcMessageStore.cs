using System.Text.Json;
using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Lms.Infrastructure.Plc;

/// <summary>A message to store, as the hub has checked it (body cleaned, attachments resolved from the sender's uploads).</summary>
public sealed record PlcPostRequest(Guid Id, Guid GroupId, Guid AuthorId, string Body, Guid? ReplyToId,
    IReadOnlyList<PlcAttachment> Attachments, IReadOnlyList<Guid> MentionIds, DateTime NowUtc);

/// <summary>
/// What PostgreSQL answered. <see cref="Refusal"/> is a domain error code (plc.not_member, plc.room_closed, plc.muted,
/// plc.reply_invalid, plc.message_id_taken) and nothing was stored. <see cref="Duplicate"/>: the id was stored before
/// (a retried send), <see cref="Sequence"/> is that message's. <see cref="MemberIds"/>: the room's active members at
/// the moment the message was numbered — who must receive it (empty for a duplicate: it was delivered the first time).
/// </summary>
public sealed record PlcPostOutcome(long Sequence, DateTime SentAtUtc, bool Duplicate, string? Refusal, IReadOnlyList<Guid> MemberIds,
    string Body = "")
{
    public bool Stored => Refusal is null && !Duplicate;
}

/// <summary>
/// Stores a room message through <c>plc_post_message</c> (migrations Plc and PlcRooms), which locks the room, dedupes
/// by the browser-made id, checks membership, open room and mute at that moment, numbers the message gaplessly and
/// returns who is in the room. The one way a message is stored.
/// <para>Messages are written by group commit (<see cref="GroupCommitWriter{TWrite,TResult}"/>): those arriving while
/// one batch is in PostgreSQL go in the next, as one batch of <c>plc_post_message</c> calls in one round trip and one
/// transaction, in arrival order (so a room's messages are numbered as they came). Each sender is answered once its
/// batch has committed. One round trip and commit per message was half of PostgreSQL's cost at 1,000 messages/s.</para>
/// </summary>
public sealed class PlcMessageStore(PlcConnections connections, ILogger<PlcMessageStore> log)
    : GroupCommitWriter<PlcPostRequest, PlcPostOutcome>(log)
{
    private const string Call = "SELECT seq, sent_at, duplicate, refusal, members FROM plc_post_message($1, $2, $3, $4, $5, $6, $7, $8)";

    /// <summary>Checks the message (a domain error is thrown before anything is queued), then stores it; durable on return.</summary>
    public Task<PlcPostOutcome> PostAsync(PlcPostRequest r, CancellationToken ct)
    {
        var body = PlcMessage.CleanBody(r.Body, r.Attachments.Count);
        if (r.Attachments.Count > PlcMessage.MaxAttachments) throw new Lms.Domain.Common.DomainException("plc.too_many_files", "Too many files.");
        return WriteAsync(r with { Body = body }, ct);
    }

    protected override async Task<IReadOnlyList<PlcPostOutcome>> WriteBatchAsync(IReadOnlyList<PlcPostRequest> batch)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        // A batch is one implicit transaction (one Sync at its end): all its messages are stored or none.
        await using var commands = new NpgsqlBatch(connection);
        foreach (var r in batch) commands.BatchCommands.Add(Command(r));
        var outcomes = new List<PlcPostOutcome>(batch.Count);
        await using var reader = await commands.ExecuteReaderAsync();
        foreach (var r in batch)
        {
            if (!await reader.ReadAsync()) throw new InvalidOperationException("plc_post_message answered no row.");
            outcomes.Add(Outcome(reader, r.Body));
            await reader.NextResultAsync();
        }
        return outcomes;
    }

    private static NpgsqlBatchCommand Command(PlcPostRequest r)
    {
        var command = new NpgsqlBatchCommand(Call);
        command.Parameters.Add(new() { Value = r.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = r.GroupId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = r.AuthorId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = r.Body, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)r.ReplyToId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(r.Attachments.ToList(), JsonColumn.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = r.MentionIds.Distinct().Take(PlcMessage.MaxMentions).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = DateTime.SpecifyKind(r.NowUtc, DateTimeKind.Utc), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }

    private static PlcPostOutcome Outcome(NpgsqlDataReader reader, string body)
    {
        var refusal = reader.IsDBNull(3) ? null : reader.GetString(3);
        if (refusal is not null) return new(0, default, false, refusal, []);
        return new(reader.GetInt64(0), reader.GetDateTime(1), reader.GetBoolean(2), null,
            reader.IsDBNull(4) ? [] : reader.GetFieldValue<Guid[]>(4), body);
    }
}

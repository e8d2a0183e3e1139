using System.Text.Json;
using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
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
/// Stores a room message through <c>plc_post_message</c> (migrations Plc and PlcRooms): one round trip that locks the
/// room, dedupes by the browser-made id, checks membership, open room and mute at that moment, numbers the message
/// gaplessly and returns who is in the room. The one way a message is stored.
/// </summary>
public sealed class PlcMessageStore(PlcConnections connections)
{
    public async Task<PlcPostOutcome> PostAsync(PlcPostRequest r, CancellationToken ct)
    {
        var body = PlcMessage.CleanBody(r.Body, r.Attachments.Count);
        if (r.Attachments.Count > PlcMessage.MaxAttachments) throw new Lms.Domain.Common.DomainException("plc.too_many_files", "Too many files.");
        await using var connection = await connections.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, sent_at, duplicate, refusal, members FROM plc_post_message($1, $2, $3, $4, $5, $6, $7, $8)";
        command.Parameters.Add(new() { Value = r.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = r.GroupId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = r.AuthorId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = body, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)r.ReplyToId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(r.Attachments.ToList(), JsonColumn.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = r.MentionIds.Distinct().Take(PlcMessage.MaxMentions).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = DateTime.SpecifyKind(r.NowUtc, DateTimeKind.Utc), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var refusal = reader.IsDBNull(3) ? null : reader.GetString(3);
        if (refusal is not null) return new(0, default, false, refusal, []);
        return new(reader.GetInt64(0), reader.GetDateTime(1), reader.GetBoolean(2), null,
            reader.IsDBNull(4) ? [] : reader.GetFieldValue<Guid[]>(4), body);
    }
}

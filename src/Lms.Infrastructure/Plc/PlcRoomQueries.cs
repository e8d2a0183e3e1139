using System.Text.Json;
using System.Text.Json.Serialization;
using Lms.Domain.Plc;
using Lms.Infrastructure.Markdown;
using Lms.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Lms.Infrastructure.Plc;

/// <summary>
/// Reads of a PLC room, each one SQL statement: the caller's access at this moment, messages after a sequence
/// (catch-up), before one (history going back), pinned, search, members, online people, and "my rooms" with unread
/// counts. Messages come as <see cref="PlcMessageView"/> with the body rendered by <see cref="ChatMarkdown"/>; a
/// hidden message's text and files are left out unless the reader may moderate.
/// </summary>
public sealed class PlcRoomQueries(PlcConnections connections, ChatMarkdown markdown)
{
    /// <summary>Catch-up answers at most this many messages; the page asks again while there are more.</summary>
    public const int CatchUpLimit = 500;
    /// <summary>"Load older" brings this many.</summary>
    public const int HistoryPage = 50;
    public const int SearchLimit = 50;

    private const string PersonName = "{0}.title || {0}.first_name || ' ' || {0}.last_name";

    private static readonly string MessageSelect = $"""
        SELECT m.id, m.group_id, m.sequence, m.author_id, {string.Format(PersonName, "p")}, m.body, m.sent_at_utc, m.reply_to_id,
               r.sequence, {string.Format(PersonName, "rp")}, left(r.body, 200), r.hidden_at_utc IS NOT NULL,
               m.attachments::text, m.hidden_at_utc IS NOT NULL, m.pinned_at_utc IS NOT NULL, m.mention_ids,
               (SELECT coalesce(json_agg(json_build_object('e', x.emoji, 'p', x.people) ORDER BY x.first), '[]')::text
                  FROM (SELECT emoji, array_agg(person_id ORDER BY created_at_utc) AS people, min(created_at_utc) AS first
                          FROM plc_reactions WHERE message_id = m.id GROUP BY emoji) x)
          FROM plc_messages m
          JOIN people p ON p.id = m.author_id
          LEFT JOIN plc_messages r ON r.id = m.reply_to_id
          LEFT JOIN people rp ON rp.id = r.author_id
        """;

    /// <summary>The caller's place in the room now, or null when they are not (or no longer) a member.</summary>
    public async Task<PlcRoomAccess?> AccessAsync(Guid groupId, Guid personId, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await AccessAsync(connection, groupId, personId, ct);
    }

    public static async Task<PlcRoomAccess?> AccessAsync(NpgsqlConnection connection, Guid groupId, Guid personId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT g.name, m.role, g.room_closed_at_utc IS NULL, m.muted_until_utc, g.last_sequence, m.last_read_sequence
              FROM plc_members m JOIN plc_groups g ON g.id = m.group_id
             WHERE m.group_id = $1 AND m.person_id = $2 AND m.removed_at_utc IS NULL
            """, connection);
        command.Parameters.Add(new() { Value = groupId });
        command.Parameters.Add(new() { Value = personId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new PlcRoomAccess(groupId, reader.GetString(0), (PlcRole)reader.GetInt32(1), reader.GetBoolean(2),
            reader.IsDBNull(3) ? null : reader.GetDateTime(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <summary>Messages after <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public Task<List<PlcMessageView>> AfterAsync(Guid groupId, long afterSequence, int limit, bool moderator, CancellationToken ct) =>
        MessagesAsync($"{MessageSelect} WHERE m.group_id = $1 AND m.sequence > $2 ORDER BY m.sequence LIMIT $3",
            [groupId, afterSequence, limit], moderator, ct);

    /// <summary>The <paramref name="limit"/> messages before <paramref name="beforeSequence"/>, returned oldest first.</summary>
    public async Task<List<PlcMessageView>> BeforeAsync(Guid groupId, long beforeSequence, int limit, bool moderator, CancellationToken ct)
    {
        var page = await MessagesAsync($"{MessageSelect} WHERE m.group_id = $1 AND m.sequence < $2 ORDER BY m.sequence DESC LIMIT $3",
            [groupId, beforeSequence, limit], moderator, ct);
        page.Reverse();
        return page;
    }

    public Task<List<PlcMessageView>> PinnedAsync(Guid groupId, bool moderator, CancellationToken ct) =>
        MessagesAsync($"{MessageSelect} WHERE m.group_id = $1 AND m.pinned_at_utc IS NOT NULL ORDER BY m.pinned_at_utc DESC", [groupId], moderator, ct);

    /// <summary>
    /// The view of a message just stored, built from what was sent and what PostgreSQL answered instead of reading the
    /// row back: a new message has no reactions, is neither hidden nor pinned, and keeps the mentions of active members
    /// (as plc_post_message stores them). Reading it back was about a third of the app's work per message in the PLC
    /// bench. A reply still needs its quote, so the caller reads replies back (<see cref="MessageAsync"/>).
    /// </summary>
    public PlcMessageView NewMessageView(PlcPostRequest sent, PlcPostOutcome stored, string authorName)
    {
        if (sent.ReplyToId is not null) throw new InvalidOperationException("A reply's view needs its quote: read it back.");
        var attachments = sent.Attachments
            .Select((a, i) => new PlcAttachmentView(i, a.FileName, a.ContentType, a.Size, a.IsImage, AttachmentUrl(sent.Id, i))).ToList();
        var mentions = sent.MentionIds.Distinct().Take(PlcMessage.MaxMentions).Where(id => id != sent.AuthorId && stored.MemberIds.Contains(id)).ToArray();
        return new PlcMessageView(sent.GroupId, sent.Id, stored.Sequence, sent.AuthorId, authorName, stored.Body,
            markdown.ToSafeHtml(stored.Body), stored.SentAtUtc, null, null, attachments, false, false, [], mentions);
    }

    /// <summary>The name a room shows for a person (title, first and last name), or null for nobody.</summary>
    public async Task<string?> PersonNameAsync(Guid personId, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT {string.Format(PersonName, "p")} FROM people p WHERE p.id = $1", connection);
        command.Parameters.Add(new() { Value = personId });
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>One message of the room (after a change to it), or null.</summary>
    public async Task<PlcMessageView?> MessageAsync(Guid groupId, Guid messageId, bool moderator, CancellationToken ct) =>
        (await MessagesAsync($"{MessageSelect} WHERE m.group_id = $1 AND m.id = $2", [groupId, messageId], moderator, ct)).FirstOrDefault();

    /// <summary>
    /// Messages containing <paramref name="text"/> (case-insensitive, ILIKE with %, _ and \ taken literally; Thai,
    /// which has no spaces between words, matches inside words as typed), newest first. Hidden messages are found
    /// only by those who may read them.
    /// </summary>
    public async Task<List<PlcSearchHit>> SearchAsync(Guid groupId, string text, bool moderator, CancellationToken ct)
    {
        var needle = Domain.Common.Text.Clean(text ?? "");
        if (needle.Length == 0) return [];
        if (needle.Length > 200) needle = needle[..200];
        await using var connection = await connections.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT m.id, m.sequence, {string.Format(PersonName, "p")}, m.body, m.sent_at_utc
              FROM plc_messages m JOIN people p ON p.id = m.author_id
             WHERE m.group_id = $1 AND m.body ILIKE '%' || $2 || '%' ESCAPE '\' AND ($3 OR m.hidden_at_utc IS NULL)
             ORDER BY m.sequence DESC LIMIT {SearchLimit}
            """, connection);
        command.Parameters.Add(new() { Value = groupId });
        command.Parameters.Add(new() { Value = EscapeLike(needle), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = moderator });
        var hits = new List<PlcSearchHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            hits.Add(new(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), Excerpt(reader.GetString(3), needle), reader.GetDateTime(4)));
        return hits;
    }

    public static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    /// <summary>About 60 characters either side of the first match, on one line.</summary>
    public static string Excerpt(string body, string needle)
    {
        var flat = body.Replace('\n', ' ');
        var at = flat.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
        if (at < 0 || flat.Length <= 160) return flat.Length <= 160 ? flat : flat[..160] + "…";
        var start = Math.Max(0, at - 60);
        var end = Math.Min(flat.Length, at + needle.Length + 60);
        return (start > 0 ? "…" : "") + flat[start..end] + (end < flat.Length ? "…" : "");
    }

    /// <summary>The room's active members, facilitators first.</summary>
    public async Task<List<PlcMemberView>> MembersAsync(Guid groupId, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT m.person_id, {string.Format(PersonName, "p")}, m.role, m.muted_until_utc
              FROM plc_members m JOIN people p ON p.id = m.person_id
             WHERE m.group_id = $1 AND m.removed_at_utc IS NULL
             ORDER BY m.role, p.first_name, p.last_name
            """, connection);
        command.Parameters.Add(new() { Value = groupId });
        var members = new List<PlcMemberView>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            members.Add(new(reader.GetGuid(0), reader.GetString(1), (PlcRole)reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetDateTime(3)));
        return members;
    }

    /// <summary>Active members' ids, and which of them moderate (for sending each the view they may see).</summary>
    public async Task<(List<Guid> All, List<Guid> Moderators)> RecipientsAsync(Guid groupId, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT person_id, role FROM plc_members WHERE group_id = $1 AND removed_at_utc IS NULL", connection);
        command.Parameters.Add(new() { Value = groupId });
        var all = new List<Guid>();
        var moderators = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            all.Add(reader.GetGuid(0));
            if (((PlcRole)reader.GetInt32(1)).MayModerate()) moderators.Add(reader.GetGuid(0));
        }
        return (all, moderators);
    }

    /// <summary>A person's rooms with their unread counts (messages after their read mark) and last message time.</summary>
    public async Task<List<PlcRoomSummary>> MyRoomsAsync(Guid personId, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT g.id, g.name, g.school_id, s.name_th, g.fiscal_year, m.role, g.room_closed_at_utc IS NULL, g.last_sequence,
                   GREATEST(g.last_sequence - m.last_read_sequence, 0),
                   (SELECT x.sent_at_utc FROM plc_messages x WHERE x.group_id = g.id AND x.sequence = g.last_sequence)
              FROM plc_members m
              JOIN plc_groups g ON g.id = m.group_id
              LEFT JOIN schools s ON s.id = g.school_id
             WHERE m.person_id = $1 AND m.removed_at_utc IS NULL
             ORDER BY g.fiscal_year DESC, g.name
            """, connection);
        command.Parameters.Add(new() { Value = personId });
        var rooms = new List<PlcRoomSummary>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rooms.Add(new(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), (PlcRole)reader.GetInt32(5), reader.GetBoolean(6),
                reader.GetInt64(7), reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetDateTime(9)));
        return rooms;
    }

    /// <summary>
    /// Moves the member's read mark forward to <paramref name="sequence"/> (never back, never past the room's last
    /// message). False when they are not a member.
    /// </summary>
    public async Task<bool> MarkReadAsync(Guid groupId, Guid personId, long sequence, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            UPDATE plc_members m
               SET last_read_sequence = GREATEST(m.last_read_sequence, LEAST($3, g.last_sequence))
              FROM plc_groups g
             WHERE g.id = m.group_id AND m.group_id = $1 AND m.person_id = $2 AND m.removed_at_utc IS NULL
            """, connection);
        command.Parameters.Add(new() { Value = groupId });
        command.Parameters.Add(new() { Value = personId });
        command.Parameters.Add(new() { Value = sequence });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task<List<PlcMessageView>> MessagesAsync(string sql, object[] args, bool moderator, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var a in args) command.Parameters.Add(new() { Value = a });
        var list = new List<PlcMessageView>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(Read(reader, moderator));
        return list;
    }

    private PlcMessageView Read(NpgsqlDataReader r, bool moderator)
    {
        var id = r.GetGuid(0);
        var hidden = r.GetBoolean(13);
        PlcReplyPreview? reply = null;
        if (!r.IsDBNull(7) && !r.IsDBNull(8))
            reply = new PlcReplyPreview(r.GetGuid(7), r.GetInt64(8), r.GetString(9), r.GetString(10).Replace('\n', ' '), r.GetBoolean(11));
        // A hidden message's text is neither rendered nor shown to those who may not moderate (ForMember).
        var body = !hidden || moderator ? r.GetString(5) : "";
        var attachments = (JsonSerializer.Deserialize<List<PlcAttachment>>(r.GetString(12), JsonColumn.Options) ?? [])
            .Select((a, i) => new PlcAttachmentView(i, a.FileName, a.ContentType, a.Size, a.IsImage, AttachmentUrl(id, i))).ToList();
        var reactions = JsonSerializer.Deserialize<List<ReactionRow>>(r.GetString(16)) ?? [];
        var view = new PlcMessageView(r.GetGuid(1), id, r.GetInt64(2), r.GetGuid(3), r.GetString(4), body, markdown.ToSafeHtml(body),
            r.GetDateTime(6), r.IsDBNull(7) ? null : r.GetGuid(7), reply, attachments, hidden, r.GetBoolean(14),
            reactions.Select(x => new PlcReactionView(x.Emoji, x.People)).ToList(), r.GetFieldValue<Guid[]>(15));
        return moderator ? view : view.ForMember();
    }

    /// <summary>Where a message's n-th file is served (members only).</summary>
    public static string AttachmentUrl(Guid messageId, int index) => $"/plc/files/{messageId}/{index}";

    private sealed record ReactionRow([property: JsonPropertyName("e")] string Emoji, [property: JsonPropertyName("p")] List<Guid> People);
}

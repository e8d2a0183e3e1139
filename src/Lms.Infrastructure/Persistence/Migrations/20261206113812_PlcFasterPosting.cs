using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlcFasterPosting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_plc_messages_body",
                table: "plc_messages");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            // The same checks and answers as the PlcRooms version in 5 statements instead of 9 (members, mute and the
            // recipients in one read; numbering, storing and the author's read mark in one statement): PostgreSQL's
            // per-statement work was most of a message's cost. Same signature and result, so CREATE OR REPLACE.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION plc_post_message(p_id uuid, p_group uuid, p_author uuid, p_body text, p_reply uuid,
                                                 p_attachments jsonb, p_mentions uuid[], p_now timestamptz)
                RETURNS TABLE (seq bigint, sent_at timestamptz, duplicate boolean, refusal text, members uuid[])
                LANGUAGE plpgsql AS $$
                DECLARE
                    g_closed timestamptz;
                    e_group uuid; e_author uuid; e_seq bigint; e_sent timestamptz;
                    active uuid[]; is_member boolean; m_muted timestamptz;
                    next_seq bigint;
                BEGIN
                    -- The lock first, in a statement of its own: the reads below then see whatever a removal or a
                    -- parallel send of the same id committed while this one waited.
                    SELECT room_closed_at_utc INTO g_closed FROM plc_groups WHERE id = p_group FOR UPDATE;
                    IF NOT FOUND THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.not_member'::text, NULL::uuid[]; RETURN;
                    END IF;
                    SELECT group_id, author_id, sequence, sent_at_utc INTO e_group, e_author, e_seq, e_sent
                      FROM plc_messages WHERE id = p_id;
                    IF FOUND THEN
                        IF e_group = p_group AND e_author = p_author THEN
                            RETURN QUERY SELECT e_seq, e_sent, true, NULL::text, NULL::uuid[];
                        ELSE
                            RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.message_id_taken'::text, NULL::uuid[];
                        END IF;
                        RETURN;
                    END IF;
                    -- Who receives it, and whether the author is one of them and muted: one read of the room's members.
                    SELECT array_agg(person_id), coalesce(bool_or(person_id = p_author), false),
                           max(muted_until_utc) FILTER (WHERE person_id = p_author)
                      INTO active, is_member, m_muted
                      FROM plc_members WHERE group_id = p_group AND removed_at_utc IS NULL;
                    IF NOT is_member THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.not_member'::text, NULL::uuid[]; RETURN;
                    END IF;
                    IF g_closed IS NOT NULL THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.room_closed'::text, NULL::uuid[]; RETURN;
                    END IF;
                    IF m_muted IS NOT NULL AND m_muted > p_now THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.muted'::text, NULL::uuid[]; RETURN;
                    END IF;
                    IF p_reply IS NOT NULL AND NOT EXISTS (SELECT 1 FROM plc_messages WHERE id = p_reply AND group_id = p_group) THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.reply_invalid'::text, NULL::uuid[]; RETURN;
                    END IF;
                    -- Number, store, and mark it read for its author (who has read their own message), in one statement.
                    WITH numbered AS (
                        UPDATE plc_groups SET last_sequence = last_sequence + 1 WHERE id = p_group RETURNING last_sequence
                    ), stored AS (
                        INSERT INTO plc_messages (id, group_id, sequence, author_id, body, reply_to_id, sent_at_utc, attachments, mention_ids)
                        SELECT p_id, p_group, n.last_sequence, p_author, p_body, p_reply, p_now, p_attachments,
                               ARRAY(SELECT DISTINCT m FROM unnest(coalesce(p_mentions, '{}'::uuid[])) m WHERE m = ANY(active) AND m <> p_author)
                          FROM numbered n
                        RETURNING sequence
                    ), marked AS (
                        UPDATE plc_members SET last_read_sequence = (SELECT sequence FROM stored)
                         WHERE group_id = p_group AND person_id = p_author
                    )
                    SELECT sequence INTO next_seq FROM stored;
                    RETURN QUERY SELECT next_seq, p_now, false, NULL::text, active;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS plc_post_message(uuid, uuid, uuid, text, uuid, jsonb, uuid[], timestamptz);
                CREATE FUNCTION plc_post_message(p_id uuid, p_group uuid, p_author uuid, p_body text, p_reply uuid,
                                                 p_attachments jsonb, p_mentions uuid[], p_now timestamptz)
                RETURNS TABLE (seq bigint, sent_at timestamptz, duplicate boolean, refusal text, members uuid[])
                LANGUAGE plpgsql AS $$
                DECLARE
                    g_closed timestamptz;
                    m_muted timestamptz;
                    e_group uuid; e_author uuid; e_seq bigint; e_sent timestamptz;
                    next_seq bigint;
                    active uuid[];
                BEGIN
                    SELECT room_closed_at_utc INTO g_closed FROM plc_groups WHERE id = p_group FOR UPDATE;
                    IF NOT FOUND THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.not_member'::text, NULL::uuid[]; RETURN;
                    END IF;
                    SELECT group_id, author_id, sequence, sent_at_utc INTO e_group, e_author, e_seq, e_sent
                      FROM plc_messages WHERE id = p_id;
                    IF FOUND THEN
                        IF e_group = p_group AND e_author = p_author THEN
                            RETURN QUERY SELECT e_seq, e_sent, true, NULL::text, NULL::uuid[];
                        ELSE
                            RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.message_id_taken'::text, NULL::uuid[];
                        END IF;
                        RETURN;
                    END IF;
                    SELECT muted_until_utc INTO m_muted FROM plc_members
                     WHERE group_id = p_group AND person_id = p_author AND removed_at_utc IS NULL;
                    IF NOT FOUND THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.not_member'::text, NULL::uuid[]; RETURN;
                    END IF;
                    IF g_closed IS NOT NULL THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.room_closed'::text, NULL::uuid[]; RETURN;
                    END IF;
                    IF m_muted IS NOT NULL AND m_muted > p_now THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.muted'::text, NULL::uuid[]; RETURN;
                    END IF;
                    IF p_reply IS NOT NULL AND NOT EXISTS (SELECT 1 FROM plc_messages WHERE id = p_reply AND group_id = p_group) THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.reply_invalid'::text, NULL::uuid[]; RETURN;
                    END IF;
                    SELECT array_agg(person_id) INTO active FROM plc_members WHERE group_id = p_group AND removed_at_utc IS NULL;
                    UPDATE plc_groups SET last_sequence = last_sequence + 1 WHERE id = p_group RETURNING last_sequence INTO next_seq;
                    INSERT INTO plc_messages (id, group_id, sequence, author_id, body, reply_to_id, sent_at_utc, attachments, mention_ids)
                    VALUES (p_id, p_group, next_seq, p_author, p_body, p_reply, p_now, p_attachments,
                            ARRAY(SELECT DISTINCT m FROM unnest(coalesce(p_mentions, '{}'::uuid[])) m WHERE m = ANY(active) AND m <> p_author));
                    -- The author has read their own message.
                    UPDATE plc_members SET last_read_sequence = next_seq WHERE group_id = p_group AND person_id = p_author;
                    RETURN QUERY SELECT next_seq, p_now, false, NULL::text, active;
                END
                $$;
                """);

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_plc_messages_body",
                table: "plc_messages",
                column: "body")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}

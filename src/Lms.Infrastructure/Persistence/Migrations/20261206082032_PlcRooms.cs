using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlcRooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plc_room_connections",
                columns: table => new
                {
                    connection_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expires_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plc_room_connections", x => new { x.connection_id, x.group_id });
                    table.ForeignKey(
                        name: "fk_plc_room_connections_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plc_room_connections_plc_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "plc_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plc_uploads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    file_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plc_uploads", x => x.id);
                    table.ForeignKey(
                        name: "fk_plc_uploads_people_uploaded_by",
                        column: x => x.uploaded_by,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plc_uploads_plc_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "plc_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plc_room_connections_group_id_expires_at_utc",
                table: "plc_room_connections",
                columns: new[] { "group_id", "expires_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_plc_room_connections_person_id",
                table: "plc_room_connections",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_plc_uploads_group_id_uploaded_by",
                table: "plc_uploads",
                columns: new[] { "group_id", "uploaded_by" });

            migrationBuilder.CreateIndex(
                name: "ix_plc_uploads_uploaded_by",
                table: "plc_uploads",
                column: "uploaded_by");

            // plc_post_message now also answers who should receive the message: the room's active members read under
            // the same group-row lock that numbers it. Removing a member takes that lock too (PlcMembership), so a
            // message numbered after a removal is never delivered to the removed person, on any app instance.
            // Mentions are kept only for active members of the room. Returning another column changes the result
            // type, hence DROP + CREATE.
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The function of the Plc migration comes back as it was (without the members column; the author's read mark stays).
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS plc_post_message(uuid, uuid, uuid, text, uuid, jsonb, uuid[], timestamptz);");
            migrationBuilder.Sql("""
                CREATE FUNCTION plc_post_message(p_id uuid, p_group uuid, p_author uuid, p_body text, p_reply uuid,
                                                 p_attachments jsonb, p_mentions uuid[], p_now timestamptz)
                RETURNS TABLE (seq bigint, sent_at timestamptz, duplicate boolean, refusal text)
                LANGUAGE plpgsql AS $$
                DECLARE
                    g_closed timestamptz;
                    m_muted timestamptz;
                    e_group uuid; e_author uuid; e_seq bigint; e_sent timestamptz;
                    next_seq bigint;
                BEGIN
                    SELECT room_closed_at_utc INTO g_closed FROM plc_groups WHERE id = p_group FOR UPDATE;
                    IF NOT FOUND THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.not_member'::text; RETURN;
                    END IF;
                    SELECT group_id, author_id, sequence, sent_at_utc INTO e_group, e_author, e_seq, e_sent
                      FROM plc_messages WHERE id = p_id;
                    IF FOUND THEN
                        IF e_group = p_group AND e_author = p_author THEN
                            RETURN QUERY SELECT e_seq, e_sent, true, NULL::text;
                        ELSE
                            RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.message_id_taken'::text;
                        END IF;
                        RETURN;
                    END IF;
                    SELECT muted_until_utc INTO m_muted FROM plc_members
                     WHERE group_id = p_group AND person_id = p_author AND removed_at_utc IS NULL;
                    IF NOT FOUND THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.not_member'::text; RETURN;
                    END IF;
                    IF g_closed IS NOT NULL THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.room_closed'::text; RETURN;
                    END IF;
                    IF m_muted IS NOT NULL AND m_muted > p_now THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.muted'::text; RETURN;
                    END IF;
                    IF p_reply IS NOT NULL AND NOT EXISTS (SELECT 1 FROM plc_messages WHERE id = p_reply AND group_id = p_group) THEN
                        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, false, 'plc.reply_invalid'::text; RETURN;
                    END IF;
                    UPDATE plc_groups SET last_sequence = last_sequence + 1 WHERE id = p_group RETURNING last_sequence INTO next_seq;
                    INSERT INTO plc_messages (id, group_id, sequence, author_id, body, reply_to_id, sent_at_utc, attachments, mention_ids)
                    VALUES (p_id, p_group, next_seq, p_author, p_body, p_reply, p_now, p_attachments, p_mentions);
                    RETURN QUERY SELECT next_seq, p_now, false, NULL::text;
                END
                $$;
                """);
            migrationBuilder.DropTable(
                name: "plc_room_connections");

            migrationBuilder.DropTable(
                name: "plc_uploads");
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Plc : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "plc_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_area = table.Column<int>(type: "integer", nullable: true),
                    fiscal_year = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    room_closed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    room_closed_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plc_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_plc_groups_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plc_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    yearly_target_hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plc_settings", x => x.id);
                    table.CheckConstraint("ck_plc_settings_single_row", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "plc_meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    topic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    starts_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    minutes_text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    decisions = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    chat_from_sequence = table.Column<long>(type: "bigint", nullable: true),
                    chat_to_sequence = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    return_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    attendee_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    evidence = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plc_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_plc_meetings_plc_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "plc_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plc_members",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    joined_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    removed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    muted_until_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_read_sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plc_members", x => new { x.group_id, x.person_id });
                    table.ForeignKey(
                        name: "fk_plc_members_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plc_members_plc_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "plc_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plc_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    reply_to_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sent_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attachments = table.Column<string>(type: "jsonb", nullable: false),
                    mention_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    hidden_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    hidden_by = table.Column<Guid>(type: "uuid", nullable: true),
                    hidden_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    pinned_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    pinned_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plc_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_plc_messages_people_author_id",
                        column: x => x.author_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plc_messages_plc_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "plc_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plc_reactions",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    emoji = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plc_reactions", x => new { x.message_id, x.person_id, x.emoji });
                    table.ForeignKey(
                        name: "fk_plc_reactions_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plc_reactions_plc_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "plc_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plc_groups_fiscal_year_school_id",
                table: "plc_groups",
                columns: new[] { "fiscal_year", "school_id" });

            migrationBuilder.CreateIndex(
                name: "ix_plc_groups_school_id",
                table: "plc_groups",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_plc_meetings_attendee_ids",
                table: "plc_meetings",
                column: "attendee_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_plc_meetings_group_id_starts_at_utc",
                table: "plc_meetings",
                columns: new[] { "group_id", "starts_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_plc_meetings_submitted",
                table: "plc_meetings",
                column: "status",
                filter: "status = 2");

            migrationBuilder.CreateIndex(
                name: "ix_plc_members_person_id",
                table: "plc_members",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_plc_messages_author_id",
                table: "plc_messages",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_plc_messages_body",
                table: "plc_messages",
                column: "body")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_plc_messages_group_id_sequence",
                table: "plc_messages",
                columns: new[] { "group_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plc_messages_pinned",
                table: "plc_messages",
                column: "group_id",
                filter: "pinned_at_utc IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_plc_reactions_person_id",
                table: "plc_reactions",
                column: "person_id");

            // Posting a PLC message, in one round trip and one transaction (see PlcMessageStore): lock the room's group
            // row, answer a retried send (same id) with the stored message, check membership, open room and mute *at
            // the moment of storing*, then take the room's next number and insert. Taking the lock first is what makes
            // the numbers gapless and a concurrent retry of the same id wait and then find the first one stored
            // (each statement of a PL/pgSQL function sees rows committed before it started).
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS plc_post_message(uuid, uuid, uuid, text, uuid, jsonb, uuid[], timestamptz);");
            migrationBuilder.DropTable(
                name: "plc_meetings");

            migrationBuilder.DropTable(
                name: "plc_members");

            migrationBuilder.DropTable(
                name: "plc_reactions");

            migrationBuilder.DropTable(
                name: "plc_settings");

            migrationBuilder.DropTable(
                name: "plc_messages");

            migrationBuilder.DropTable(
                name: "plc_groups");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notification_preferences",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    choices = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_preferences", x => x.person_id);
                    table.ForeignKey(
                        name: "fk_notification_preferences_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    occasion_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    read_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    delivery = table.Column<int>(type: "integer", nullable: false),
                    email_due_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    email_claimed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    emailed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    digested_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    dropped_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    drop_reason = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_digest_pending",
                table: "notifications",
                column: "person_id",
                filter: "delivery = 3 AND digested_at_utc IS NULL AND dropped_at_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_email_pending",
                table: "notifications",
                column: "email_due_at_utc",
                filter: "delivery = 2 AND emailed_at_utc IS NULL AND dropped_at_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_person_newest",
                table: "notifications",
                columns: new[] { "person_id", "created_at_utc" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_unread",
                table: "notifications",
                column: "person_id",
                filter: "read_at_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_notifications_occasion",
                table: "notifications",
                columns: new[] { "person_id", "kind", "occasion_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_preferences");

            migrationBuilder.DropTable(
                name: "notifications");
        }
    }
}

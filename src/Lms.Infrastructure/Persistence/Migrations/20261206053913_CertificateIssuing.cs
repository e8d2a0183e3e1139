using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CertificateIssuing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "certificate_template_id",
                table: "courses",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "certificate_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_kind = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    person_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "certificate_serial_counters",
                columns: table => new
                {
                    fiscal_year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_serial_counters", x => x.fiscal_year);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    verification_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_kind = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    fiscal_year = table.Column<int>(type: "integer", nullable: false),
                    running_number = table.Column<int>(type: "integer", nullable: false),
                    serial_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recipient_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    subject_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    credit_hours = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    issued_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    file_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    revoked_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    revoked_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    revoked_by = table.Column<Guid>(type: "uuid", nullable: true),
                    superseded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                    table.CheckConstraint("ck_certificates_running_number", "running_number >= 1");
                    table.ForeignKey(
                        name: "fk_certificates_certificate_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "certificate_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_certificates_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    credit_hours = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_events_certificate_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "certificate_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_certificates_batch_id",
                table: "certificates",
                column: "batch_id",
                filter: "batch_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_fiscal_year_running_number",
                table: "certificates",
                columns: new[] { "fiscal_year", "running_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_subject_id",
                table: "certificates",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_template_id",
                table: "certificates",
                column: "template_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_verification_code",
                table: "certificates",
                column: "verification_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_certificates_one_current",
                table: "certificates",
                columns: new[] { "person_id", "subject_id" },
                unique: true,
                filter: "superseded_at_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_training_events_template_id",
                table: "training_events",
                column: "template_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificate_batches");

            migrationBuilder.DropTable(
                name: "certificate_serial_counters");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "training_events");

            migrationBuilder.DropColumn(
                name: "certificate_template_id",
                table: "courses");
        }
    }
}

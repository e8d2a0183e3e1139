using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Quizzes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "question_categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: true),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    info = table.Column<string>(type: "text", nullable: false),
                    id_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_question_categories_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_question_categories_question_categories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "question_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quizzes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    intro = table.Column<string>(type: "text", nullable: false),
                    opens_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closes_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    time_limit = table.Column<TimeSpan>(type: "interval", nullable: true),
                    attempts_allowed = table.Column<int>(type: "integer", nullable: false),
                    grading_method = table.Column<int>(type: "integer", nullable: false),
                    pass_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    shuffle_questions = table.Column<bool>(type: "boolean", nullable: false),
                    questions_per_page = table.Column<int>(type: "integer", nullable: false),
                    show_score = table.Column<int>(type: "integer", nullable: false),
                    show_feedback = table.Column<int>(type: "integer", nullable: false),
                    show_right_answers = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    requires_pre_test = table.Column<bool>(type: "boolean", nullable: false),
                    structure_locked = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    slots = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quizzes", x => x.id);
                    table.ForeignKey(
                        name: "fk_quizzes_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    tags = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    hidden = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_questions_question_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "question_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quiz_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    quiz_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    seed = table.Column<int>(type: "integer", nullable: false),
                    started_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deadline_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    submitted_by_timer = table.Column<bool>(type: "boolean", nullable: false),
                    max_mark = table.Column<decimal>(type: "numeric(10,4)", precision: 10, scale: 4, nullable: false),
                    mark = table.Column<decimal>(type: "numeric(10,4)", precision: 10, scale: 4, nullable: true),
                    questions_per_page = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quiz_attempts", x => x.id);
                    table.CheckConstraint("ck_quiz_attempts_number", "number >= 1");
                    table.ForeignKey(
                        name: "fk_quiz_attempts_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quiz_attempts_quizzes_quiz_id",
                        column: x => x.quiz_id,
                        principalTable: "quizzes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "question_versions",
                columns: table => new
                {
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question_versions", x => new { x.question_id, x.version });
                    table.ForeignKey(
                        name: "fk_question_versions_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attempt_questions",
                columns: table => new
                {
                    attempt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slot = table.Column<int>(type: "integer", nullable: false),
                    page = table.Column<int>(type: "integer", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    max_mark = table.Column<decimal>(type: "numeric(10,4)", precision: 10, scale: 4, nullable: false),
                    layout = table.Column<string>(type: "jsonb", nullable: false),
                    answer = table.Column<string>(type: "jsonb", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    saved_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    grade_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    fraction = table.Column<decimal>(type: "numeric(9,7)", precision: 9, scale: 7, nullable: true),
                    feedback = table.Column<string[]>(type: "text[]", nullable: false),
                    grader_comment = table.Column<string>(type: "text", nullable: false),
                    graded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    graded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attempt_questions", x => new { x.attempt_id, x.slot });
                    table.ForeignKey(
                        name: "fk_attempt_questions_quiz_attempts_attempt_id",
                        column: x => x.attempt_id,
                        principalTable: "quiz_attempts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attempt_questions_question_id_version",
                table: "attempt_questions",
                columns: new[] { "question_id", "version" });

            migrationBuilder.CreateIndex(
                name: "ix_question_categories_course_id_parent_id",
                table: "question_categories",
                columns: new[] { "course_id", "parent_id" });

            migrationBuilder.CreateIndex(
                name: "ix_question_categories_parent_id",
                table: "question_categories",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_questions_category_id",
                table: "questions",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_questions_tags",
                table: "questions",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_quiz_attempts_open_deadline",
                table: "quiz_attempts",
                column: "deadline_utc",
                filter: "state = 0");

            migrationBuilder.CreateIndex(
                name: "ix_quiz_attempts_person_id_course_id",
                table: "quiz_attempts",
                columns: new[] { "person_id", "course_id" });

            migrationBuilder.CreateIndex(
                name: "ix_quiz_attempts_quiz_id_person_id_number",
                table: "quiz_attempts",
                columns: new[] { "quiz_id", "person_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_quiz_attempts_one_in_progress",
                table: "quiz_attempts",
                columns: new[] { "quiz_id", "person_id" },
                unique: true,
                filter: "state = 0");

            migrationBuilder.CreateIndex(
                name: "ix_quizzes_course_id",
                table: "quizzes",
                column: "course_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attempt_questions");

            migrationBuilder.DropTable(
                name: "question_versions");

            migrationBuilder.DropTable(
                name: "quiz_attempts");

            migrationBuilder.DropTable(
                name: "questions");

            migrationBuilder.DropTable(
                name: "quizzes");

            migrationBuilder.DropTable(
                name: "question_categories");
        }
    }
}

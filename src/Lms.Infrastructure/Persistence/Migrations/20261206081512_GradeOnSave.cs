using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class GradeOnSave : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_attempt_questions_to_grade",
                table: "attempt_questions");

            migrationBuilder.AddColumn<long>(
                name: "graded_sequence",
                table: "attempt_questions",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_quiz_attempts_needs_grading",
                table: "quiz_attempts",
                column: "state",
                filter: "state = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_quiz_attempts_needs_grading",
                table: "quiz_attempts");

            migrationBuilder.DropColumn(
                name: "graded_sequence",
                table: "attempt_questions");

            migrationBuilder.CreateIndex(
                name: "ix_attempt_questions_to_grade",
                table: "attempt_questions",
                column: "grade_state",
                filter: "grade_state = 'NeedsGrading'");
        }
    }
}

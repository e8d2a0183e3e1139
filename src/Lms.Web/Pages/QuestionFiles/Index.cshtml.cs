using System.Security.Claims;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Persistence;
using Lms.Web.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.QuestionFiles;

/// <summary>
/// Images (and sounds) inside questions, at /QuestionFiles/{question}/{version}/{name}: served to designers and trainers,
/// and to a teacher only when that exact question version is in one of their own attempts — never to someone who
/// could learn the questions before sitting the quiz.
/// </summary>
public sealed class IndexModel(LmsDbContext db, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid questionId, int version, string name, CancellationToken ct)
    {
        var content = await db.QuestionVersions.AsNoTracking()
            .Where(v => v.QuestionId == questionId && v.Version == version).Select(v => v.Content).FirstOrDefaultAsync(ct);
        var file = content?.Files.FirstOrDefault(f => f.Name == name);
        if (file is null) return NotFound();
        var staff = User.IsInRole(SystemRole.CourseDesigner) || User.IsInRole(SystemRole.Administrator) || User.IsInRole(SystemRole.Trainer);
        if (!staff)
        {
            var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            var inMyAttempt = await db.AttemptQuestions.AnyAsync(q => q.QuestionId == questionId && q.Version == version
                && db.QuizAttempts.Any(a => a.Id == q.AttemptId && a.PersonId == me), ct);
            if (!inMyAttempt) return NotFound();
        }
        var info = await files.GetInfoAsync(file.Key, ct);
        var stream = info is null ? null : await files.OpenReadAsync(file.Key, ct);
        return info is null || stream is null ? NotFound() : FileDownloads.Serve(info, stream, file.Name);
    }
}

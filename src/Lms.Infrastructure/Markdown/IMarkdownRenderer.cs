namespace Lms.Infrastructure.Markdown;

/// <summary>
/// Turns Markdown written by course designers into HTML that is safe to emit unencoded
/// (<c>@Html.Raw</c>) inside an element with the <c>prose</c> class.
/// </summary>
public interface IMarkdownRenderer
{
    /// <summary>
    /// Markdown to sanitised HTML. Raw HTML in the Markdown is shown as text, never as markup; links keep
    /// only http, https, mailto, fragment and relative addresses; images only http, https and relative ones.
    /// A line holding nothing but a YouTube or Vimeo address becomes a <c>div.video-embed</c> placeholder
    /// (site.js turns it into a privacy-enhanced player); an image pointing at an uploaded
    /// <c>/files/….mp4</c> becomes a <c>&lt;video controls&gt;</c>.
    /// </summary>
    string ToSafeHtml(string markdown);

    /// <summary>HTML written elsewhere (Moodle question text) through the same allow-list; safe to emit unencoded.</summary>
    string SanitizeHtml(string html);
}

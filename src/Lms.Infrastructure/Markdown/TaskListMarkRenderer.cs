using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Lms.Infrastructure.Markdown;

/// <summary>
/// Task lists (<c>- [x] done</c>) as ☑/☐ marks instead of Markdig's disabled checkboxes: course content has
/// no form controls (<c>input</c> is not on the sanitiser's list), and a learner cannot tick them anyway.
/// </summary>
internal sealed class TaskListMarkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, Markdig.Renderers.IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
            html.ObjectRenderers.ReplaceOrAdd<HtmlTaskListRenderer>(new TaskListMarkRenderer());
    }

    private sealed class TaskListMarkRenderer : HtmlObjectRenderer<TaskList>
    {
        protected override void Write(HtmlRenderer renderer, TaskList obj) =>
            renderer.Write(obj.Checked ? "\u2611" : "\u2610");
    }
}

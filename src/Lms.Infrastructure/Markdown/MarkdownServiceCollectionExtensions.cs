using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lms.Infrastructure.Markdown;

public static class MarkdownServiceCollectionExtensions
{
    /// <summary>One renderer for the process: the Markdig pipeline and the sanitiser are built once and are thread-safe.</summary>
    public static IServiceCollection AddMarkdown(this IServiceCollection services)
    {
        services.TryAddSingleton<IMarkdownRenderer, MarkdownRenderer>();
        return services;
    }
}

using Lms.Infrastructure.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Support;

public static class OutboxSteps
{
    /// <summary>
    /// Runs the outbox until <paramref name="done"/> holds, for at most 10 seconds. The app's own dispatcher loop may be
    /// handling the same events at that moment (rows are claimed with SKIP LOCKED), hence the wait rather than one pass.
    /// </summary>
    public static async Task DispatchOutboxUntilAsync(this LmsAppFactory app, Func<bool> done)
    {
        var outbox = app.Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 100 && !done(); i++)
            if (await outbox.DispatchBatchAsync(CancellationToken.None) == 0) await Task.Delay(100);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Quizzes;

public sealed class QuizOptions
{
    public const string Section = "Quizzes";
    /// <summary>How often the server looks for attempts whose time ran out (their browser may never come back).</summary>
    public TimeSpan OverdueSweepInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int OverdueBatchSize { get; set; } = 100;
}

/// <summary>
/// Enforces time limits on the server: an attempt past its deadline is submitted with what was saved, even if the
/// teacher's browser never returns. Runs in every app instance; submission is idempotent (the attempt's row version),
/// so two instances sweeping the same attempt still grade it once.
/// </summary>
public sealed class OverdueAttemptSweeper(IServiceScopeFactory scopes, IOptions<QuizOptions> options, TimeProvider clock,
    ILogger<OverdueAttemptSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SweepOnceAsync(stoppingToken) < options.Value.OverdueBatchSize)
                    await Task.Delay(options.Value.OverdueSweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                log.LogError(e, "Submitting overdue quiz attempts failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Submits one batch of overdue attempts; returns how many it found. Public for tests.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var attempts = scope.ServiceProvider.GetRequiredService<AttemptService>();
        var n = await attempts.SubmitOverdueAsync(options.Value.OverdueBatchSize, ct);
        if (n > 0) log.LogInformation("Submitted {Count} quiz attempts whose time ran out", n);
        return n;
    }
}

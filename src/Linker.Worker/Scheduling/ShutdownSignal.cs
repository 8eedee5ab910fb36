using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OkrLinker.Worker.Scheduling;

/// <summary>
/// Two stages of a stop: <see cref="Stopping"/> asks running syncs to end after their current page;
/// <see cref="Hard"/> follows when the grace period is nearly spent and cancels whatever still runs.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    // Leave part of the grace period for the scheduler and the host to wind down after the jobs.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);
    private readonly CancellationTokenSource hard = new();
    private readonly CancellationTokenRegistration registration;
    private ITimer? timer;

    public ShutdownSignal(IHostApplicationLifetime lifetime, IOptions<WorkerOptions> options, TimeProvider time)
    {
        Stopping = lifetime.ApplicationStopping;
        var grace = options.Value.ShutdownGrace;
        registration = Stopping.Register(() =>
        {
            var left = grace > Margin * 2 ? grace - Margin : grace / 2;
            timer = time.CreateTimer(_ => CancelHard(), null, left, Timeout.InfiniteTimeSpan);
        });
    }

    public CancellationToken Stopping { get; }

    public CancellationToken Hard => hard.Token;

    public void Dispose()
    {
        registration.Dispose();
        timer?.Dispose();
        hard.Dispose();
    }

    private void CancelHard()
    {
        try
        {
            hard.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The host finished stopping first.
        }
    }
}

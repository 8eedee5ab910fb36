namespace OkrLinker.Worker.Web;

/// <summary>
/// When this process began serving; a source that has never succeeded is given 3 schedule intervals from here
/// before /readyz calls it stale. Taken from the injected <see cref="TimeProvider"/> so tests can place it.
/// </summary>
internal sealed record ProcessStartTime(DateTimeOffset At);

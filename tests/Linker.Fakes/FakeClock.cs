namespace OkrLinker.Fakes;

/// <summary>
/// A settable clock whose timers and stopwatches stay real, in UTC. Most tests use
/// <c>FakeTimeProvider</c> (Microsoft.Extensions.TimeProvider.Testing); this one is for tests that drive
/// the HTTP layer through the clock they set: <c>FakeTimeProvider</c> also stops timers, so the layer's
/// retry and rate-limit waits (<c>Task.Delay(wait, time)</c>) would never end.
/// </summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = now;

    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }

        set
        {
            lock (_gate)
            {
                _now = value;
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}

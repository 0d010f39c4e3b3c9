namespace OdooPerf.Testing;

/// <summary>
/// A clock that only moves when the test says so, for caches and intervals (scrape TTL, size interval,
/// probe version refresh, load-test intervals). Wall time starts at a fixed instant and moves with it.
/// Timers still run on real time.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly DateTimeOffset _start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private long _ticks = 1;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => _start.AddTicks(Interlocked.Read(ref _ticks) - 1);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

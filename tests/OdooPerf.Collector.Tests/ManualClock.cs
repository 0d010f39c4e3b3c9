namespace OdooPerf.Collector.Tests;

/// <summary>
/// A clock that only moves when the test says so, for caches and intervals (TTL, size interval,
/// privilege re-check). Timers still run on real time.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks = 1;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

using HdrHistogram;

namespace OdooPerf.Load.Stats;

/// <summary>
/// The one shape every latency histogram of the engine has: microsecond values from 1 µs up to 5 minutes, 3
/// significant digits. All histograms share it so that any two of them (steps, segments of a distributed run) add
/// losslessly.
/// </summary>
public static class LatencyHistogram
{
    public const long LowestDiscernibleMicroseconds = 1;

    /// <summary>Five minutes in microseconds; slower requests are recorded at this value and counted as clamped.</summary>
    public const long HighestTrackableMicroseconds = 300_000_000;

    public const int SignificantDigits = 3;

    public static TimeSpan HighestTrackable { get; } = TimeSpan.FromMicroseconds(HighestTrackableMicroseconds);

    /// <summary>A histogram for whole-run totals (64-bit counts).</summary>
    public static LongHistogram Create() =>
        new(LowestDiscernibleMicroseconds, HighestTrackableMicroseconds, SignificantDigits);

    /// <summary>
    /// A histogram for what accumulates between two interval closes: 32-bit counts are plenty for a few seconds and
    /// halve the memory of the per-processor stripes (about 80 KB instead of 160 KB each).
    /// </summary>
    internal static IntHistogram CreateCompact() =>
        new(LowestDiscernibleMicroseconds, HighestTrackableMicroseconds, SignificantDigits);

    /// <summary>Microseconds for a latency; negative latencies (a clock step) count as 0.</summary>
    public static long ToMicroseconds(TimeSpan latency) => latency.Ticks <= 0 ? 0 : latency.Ticks / TimeSpan.TicksPerMicrosecond;
}

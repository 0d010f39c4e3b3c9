using HdrHistogram;

namespace OdooPerf.Load.Stats;

/// <summary>
/// The share of a step's recordings made on one processor since the last interval close. Virtual users running on
/// different processors take different stripes' locks, so recording hardly ever waits.
/// </summary>
internal sealed class StepStripe(int reasonSlots)
{
    public Lock Lock { get; } = new();
    public IntHistogram Histogram { get; } = LatencyHistogram.CreateCompact();
    public StepCounters Counters { get; } = new(reasonSlots);
}

using HdrHistogram;

namespace OdooPerf.Load.Stats;

/// <summary>
/// What one step, one scenario (<see cref="Step"/> null) or the whole run (both null) did during one interval of the
/// time series, for plots: throughput, errors and latency percentiles over time.
/// </summary>
public sealed record IntervalStats(
    string? Scenario,
    string? Step,
    long Requests,
    long Failed,
    double DurationSeconds,
    double P50Ms,
    double P95Ms,
    double P99Ms)
{
    public double RequestsPerSecond => DurationSeconds <= 0 ? 0 : Requests / DurationSeconds;

    internal static IntervalStats From(string? scenario, string? step, long requests, long failed, double durationSeconds,
        HistogramBase histogram) =>
        new(scenario, step, requests, failed, durationSeconds,
            LatencySummaries.Percentile(histogram, 50),
            LatencySummaries.Percentile(histogram, 95),
            LatencySummaries.Percentile(histogram, 99));

    /// <summary>
    /// Two consecutive intervals as one, when the series is widened to stay bounded. The interval histograms are gone
    /// by then, so each percentile is the larger of the two: an upper bound of the true one, never an understatement.
    /// </summary>
    internal static IntervalStats Widen(IntervalStats first, IntervalStats second) =>
        new(first.Scenario, first.Step, first.Requests + second.Requests, first.Failed + second.Failed,
            first.DurationSeconds + second.DurationSeconds,
            Math.Max(first.P50Ms, second.P50Ms), Math.Max(first.P95Ms, second.P95Ms), Math.Max(first.P99Ms, second.P99Ms));
}

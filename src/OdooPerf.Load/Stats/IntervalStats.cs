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
    double P99Ms,
    string? EncodedHistogram = null)
{
    public double RequestsPerSecond => DurationSeconds <= 0 ? 0 : Requests / DurationSeconds;

    internal static IntervalStats From(string? scenario, string? step, long requests, long failed, double durationSeconds,
        HistogramBase histogram, bool keepHistogram = false) =>
        new(scenario, step, requests, failed, durationSeconds,
            LatencySummaries.Percentile(histogram, 50),
            LatencySummaries.Percentile(histogram, 95),
            LatencySummaries.Percentile(histogram, 99),
            keepHistogram ? HistogramCodec.Encode(histogram) : null);

    /// <summary>
    /// Two consecutive intervals as one, when the series is widened to stay bounded. The interval histograms are gone
    /// by then for steps, so each percentile is the larger of the two: an upper bound of the true one, never an
    /// understatement. Scenario and run entries keep their histogram (<see cref="EncodedHistogram"/>): theirs are exact.
    /// </summary>
    internal static IntervalStats Widen(IntervalStats first, IntervalStats second)
    {
        var requests = first.Requests + second.Requests;
        var failed = first.Failed + second.Failed;
        var seconds = first.DurationSeconds + second.DurationSeconds;
        if (HistogramCodec.TryDecode(first.EncodedHistogram, out var earlier) && HistogramCodec.TryDecode(second.EncodedHistogram, out var later))
        {
            return From(first.Scenario, first.Step, requests, failed, seconds, HistogramCodec.Merge([earlier, later]), keepHistogram: true);
        }

        return new(first.Scenario, first.Step, requests, failed, seconds,
            Math.Max(first.P50Ms, second.P50Ms), Math.Max(first.P95Ms, second.P95Ms), Math.Max(first.P99Ms, second.P99Ms));
    }
}

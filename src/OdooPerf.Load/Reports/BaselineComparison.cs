using OdooPerf.Load.Stats;
using OdooPerf.Load.Thresholds;

namespace OdooPerf.Load.Reports;

/// <summary>
/// Puts a run next to a baseline run: for the run, each scenario and each step of the current report, its requests,
/// throughput, p50/p95/p99 and fail rate beside the baseline's, with the changes. Figures come from the snapshots
/// rebuilt from both reports, so they are the ones regression thresholds are judged on.
/// </summary>
public static class BaselineComparison
{
    /// <exception cref="LoadReportException">A histogram of either report is corrupt.</exception>
    public static BaselineReport Compare(LoadReport current, LoadReport baseline, string baselinePath)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(baselinePath);
        var now = current.ToSnapshots();
        var before = baseline.ToSnapshots(baselinePath);
        var byScope = before.GroupBy(s => (s.Scenario, s.Step)).ToDictionary(g => g.Key, g => g.First());
        var present = now.Select(s => (s.Scenario, s.Step)).ToHashSet();

        return new BaselineReport
        {
            File = baselinePath,
            Title = baseline.Title,
            StartedAt = baseline.StartedAt,
            Steps = ReadingOrder(now).Select(s => Row(s, byScope.GetValueOrDefault((s.Scenario, s.Step)))).ToArray(),
            MissingInCurrent = before.Where(s => s.Scenario is not null && !present.Contains((s.Scenario, s.Step)))
                .Select(s => new ThresholdScope(s.Scenario, s.Step).ToString())
                .ToArray(),
        };
    }

    /// <summary>The run, then each scenario followed by its steps.</summary>
    private static IEnumerable<StatsSnapshot> ReadingOrder(IReadOnlyList<StatsSnapshot> snapshots)
    {
        foreach (var run in snapshots.Where(s => s.Scenario is null))
            yield return run;
        foreach (var scenario in snapshots.Where(s => s.Scenario is not null && s.Step is null))
        {
            yield return scenario;
            foreach (var step in snapshots.Where(s => s.Scenario == scenario.Scenario && s.Step is not null))
                yield return step;
        }
    }

    private static BaselineRow Row(StatsSnapshot now, StatsSnapshot? before)
    {
        var b = before;
        return new BaselineRow
        {
            Scenario = now.Scenario,
            Step = now.Step,
            Requests = now.Requests,
            BaselineRequests = b?.Requests,
            Rps = now.RequestsPerSecond,
            BaselineRps = b?.RequestsPerSecond,
            RpsDeltaPercent = Change(now.RequestsPerSecond, b?.RequestsPerSecond),
            P50Ms = now.Latency.P50Ms,
            BaselineP50Ms = Latency(b, l => l.P50Ms),
            P50DeltaPercent = LatencyChange(now, b, l => l.P50Ms),
            P95Ms = now.Latency.P95Ms,
            BaselineP95Ms = Latency(b, l => l.P95Ms),
            P95DeltaPercent = LatencyChange(now, b, l => l.P95Ms),
            P99Ms = now.Latency.P99Ms,
            BaselineP99Ms = Latency(b, l => l.P99Ms),
            P99DeltaPercent = LatencyChange(now, b, l => l.P99Ms),
            FailRate = now.FailRate,
            BaselineFailRate = b?.FailRate,
            FailRateDeltaPoints = b is null ? null : (now.FailRate - b.FailRate) * 100,
        };
    }

    // A scope without requests has no latency to compare with (0 would read as "infinitely faster").
    private static double? Latency(StatsSnapshot? snapshot, Func<LatencySummary, double> pick) =>
        snapshot is { Requests: > 0 } ? pick(snapshot.Latency) : null;

    private static double? LatencyChange(StatsSnapshot now, StatsSnapshot? before, Func<LatencySummary, double> pick) =>
        now.Requests == 0 ? null : Change(pick(now.Latency), Latency(before, pick));

    private static double? Change(double current, double? baseline) =>
        baseline is { } value ? RegressionThreshold.ChangePercent(current, value) : null;
}

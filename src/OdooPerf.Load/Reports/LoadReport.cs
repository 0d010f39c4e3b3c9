using System.Text.Json.Serialization;
using OdooPerf.Load.Stats;
using OdooPerf.Load.Thresholds;

namespace OdooPerf.Load.Reports;

/// <summary>
/// A load run's report.json (schema version 1, documented field by field in docs/load-report.md): the contract for
/// CI, baseline comparisons and merging segment reports. Build it with <see cref="LoadReportBuilder"/>, read and write
/// it with <see cref="LoadReportJson"/>, combine segments with <see cref="LoadReportMerger"/>, compare with a baseline
/// with <see cref="WithBaseline"/>.
/// </summary>
public sealed record LoadReport
{
    public const int CurrentSchemaVersion = 1;
    public const string ToolName = "odooperf-load";

    public required int SchemaVersion { get; init; }

    /// <summary>Always <see cref="ToolName"/>: tells a load report from other JSON.</summary>
    public required string Tool { get; init; }

    /// <summary>The version of odooperf-load that wrote the report.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>What was run, as the caller names it, e.g. <c>http GET http://127.0.0.1:8080/</c>.</summary>
    public required string Title { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>The span the stats cover, in seconds; rates (<c>rps</c>) are over it.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>How long the phases were meant to last (the longest scenario).</summary>
    public required double PlannedDurationSeconds { get; init; }

    /// <summary>True when every phase ran to its end (<see cref="StopReason"/> is <c>completed</c>).</summary>
    public required bool Complete { get; init; }

    /// <summary><c>completed</c>, <c>max-duration</c>, <c>interrupted</c> or <c>threshold-aborted</c> (<see cref="StopReasons"/>).</summary>
    public required string StopReason { get; init; }

    /// <summary>The execution segments the report covers, <c>i/n</c>: one for a run, several for a merged report.</summary>
    public required IReadOnlyList<string> Segments { get; init; }

    /// <summary>The most virtual users running at once, all scenarios.</summary>
    public required int PeakUsers { get; init; }

    /// <summary>Iterations dropped, all scenarios.</summary>
    public required long Dropped { get; init; }

    /// <summary>A decision set by the caller (the Odoo suite writes <c>GO</c> or <c>NO-GO</c>); null when none was made.</summary>
    public string? Verdict { get; init; }

    /// <summary>
    /// What each step called on the target, "scenario/step" → a description, for commands that know it (the Odoo suite:
    /// <c>sale.order.action_confirm (/web/dataset/call_button)</c>, since the server's log shows buttons only by their
    /// route); null when the command gives none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? StepCalls { get; init; }

    /// <summary>
    /// Work the iterations began and left unfinished, counted by the command that knows what it is: scenario → stage →
    /// count (the Odoo suite: business documents left mid-flow, <c>"quote-to-cash": {"order confirmed, not delivered": 2}</c>);
    /// null when the command counts none, empty when everything begun was finished. Stages are fixed texts: bounded.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>? Unfinished { get; init; }

    /// <summary>True when no threshold failed (also when there are none).</summary>
    public required bool ThresholdsPassed { get; init; }

    public required ReportStats Totals { get; init; }
    public required IReadOnlyList<ScenarioReport> Scenarios { get; init; }

    /// <summary>
    /// The distinct messages of the run's failures, earliest first, each with the step it was first seen in: every
    /// step's <see cref="StepReport.FailureMessages"/> combined. Empty in reports written before messages were kept.
    /// </summary>
    public IReadOnlyList<FailureMessageReport> FailureMessages { get; init; } = [];

    /// <summary>The run's failures whose message was not kept (beyond the limits), by reason; keys sorted.</summary>
    public IReadOnlyDictionary<string, long> OtherFailureMessages { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>The nominal span of a series point (points can be longer: a late tick, a widened series).</summary>
    public required double IntervalSeconds { get; init; }

    public required IReadOnlyList<SeriesPoint> Series { get; init; }
    public required IReadOnlyList<ThresholdReport> Thresholds { get; init; }

    /// <summary>The comparison with a baseline run, when one was given.</summary>
    public BaselineReport? Baseline { get; init; }

    /// <summary>
    /// The snapshots thresholds are judged on, rebuilt from the report: the run, each scenario, each step (latencies
    /// from the histograms, so they equal the run's own). Throws <see cref="LoadReportException"/> on a corrupt histogram.
    /// </summary>
    public IReadOnlyList<StatsSnapshot> ToSnapshots() => ToSnapshots("the report");

    internal IReadOnlyList<StatsSnapshot> ToSnapshots(string source)
    {
        var all = new List<StatsSnapshot> { Snapshot(Totals, null, null, source) };
        all.AddRange(Scenarios.Select(s => Snapshot(s, s.Name, null, source)));
        all.AddRange(Scenarios.SelectMany(s => s.Steps.Select(step => Snapshot(step, s.Name, step.Name, source))));
        return all;
    }

    /// <summary>The thresholds the report was judged with, parsed back from their expressions.</summary>
    public IReadOnlyList<Threshold> ParseThresholds() => ParseThresholds("the report");

    internal IReadOnlyList<Threshold> ParseThresholds(string source)
    {
        var parsed = new List<Threshold>(Thresholds.Count);
        foreach (var threshold in Thresholds)
        {
            if (!ThresholdParser.TryParse(threshold.Expression, out var rule, out var error))
            {
                throw new LoadReportException($"{source}: {error.Message}");
            }

            parsed.Add(rule);
        }

        return parsed;
    }

    /// <summary>
    /// This report compared with <paramref name="baseline"/> (read from <paramref name="baselinePath"/>): the
    /// <see cref="Baseline"/> block filled in, and every threshold judged again with the baseline's snapshots, so
    /// regression thresholds (<c>p95 +20%</c>) get their verdict.
    /// </summary>
    public LoadReport WithBaseline(LoadReport baseline, string baselinePath)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(baselinePath);
        var comparison = BaselineComparison.Compare(this, baseline, baselinePath);
        return (this with { Baseline = comparison }).Judged(baseline.ToSnapshots(baselinePath));
    }

    /// <summary>
    /// This report with <paramref name="thresholds"/> judged on its snapshots (and <paramref name="baseline"/>'s, for
    /// regression thresholds), replacing <see cref="Thresholds"/> and <see cref="ThresholdsPassed"/>. To add
    /// thresholds to the stored ones: <c>report.WithThresholds([.. report.ParseThresholds(), .. more])</c>; duplicates
    /// (same expression) are judged once.
    /// </summary>
    public LoadReport WithThresholds(IEnumerable<Threshold> thresholds, LoadReport? baseline = null, string? baselinePath = null) =>
        Judged(thresholds, baseline?.ToSnapshots(baselinePath ?? "the baseline report"), "the report");

    internal LoadReport Judged(IReadOnlyList<StatsSnapshot>? baseline, string source = "the report") =>
        Judged(ParseThresholds(source), baseline, source);

    private LoadReport Judged(IEnumerable<Threshold> thresholds, IReadOnlyList<StatsSnapshot>? baseline, string source)
    {
        var distinct = thresholds.DistinctBy(t => t.ToString(), StringComparer.Ordinal);
        var result = ThresholdEvaluator.Evaluate(distinct, ToSnapshots(source), baseline);
        return this with
        {
            Thresholds = result.Verdicts.Select(ThresholdReports.From).ToArray(),
            ThresholdsPassed = result.AllPassed,
        };
    }

    private StatsSnapshot Snapshot(ReportStats stats, string? scenario, string? step, string source) =>
        stats.ToSnapshot(scenario, step, DurationSeconds, Histograms.Decode(stats.Histogram, source, Where(scenario, step)));

    internal static string Where(string? scenario, string? step) =>
        scenario is null ? "totals" : step is null ? $"scenario '{scenario}'" : $"step '{scenario}/{step}'";
}

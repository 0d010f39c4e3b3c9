using System.Reflection;
using OdooPerf.Load.Running;
using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Reports;

/// <summary>Turns a finished (or stopped) run into its <see cref="LoadReport"/>.</summary>
public static class LoadReportBuilder
{
    /// <summary>The version written in <see cref="LoadReport.ToolVersion"/>.</summary>
    public static string ToolVersion { get; } =
        typeof(LoadReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static LoadReport Build(LoadRunResult result, string title)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(title);
        var stats = result.Stats;
        var run = stats.Snapshot();
        var seconds = run.DurationSeconds;
        var steps = stats.StepSnapshots();

        // Scenarios as the runner listed them, then any that only the stats know (recorded outside the runner).
        var names = result.Scenarios.Select(s => s.Name).Concat(stats.Scenarios()).Distinct(StringComparer.Ordinal);
        var scenarios = names.Select(name =>
        {
            var summary = result.Scenarios.FirstOrDefault(s => s.Name == name);
            return new ScenarioReport(ReportStats.From(stats.Snapshot(name), stats.Histogram(name), seconds))
            {
                Name = name,
                Phases = summary?.Phases.Select(p => p.ToString()).ToArray() ?? [],
                Iterations = summary?.IterationsStarted ?? stats.Iterations(name).Started,
                Dropped = summary?.IterationsDropped ?? stats.Iterations(name).Dropped,
                PeakUsers = summary?.PeakUsers ?? stats.Users(name).Peak,
                PeakTargetUsers = summary?.PeakTargetUsers ?? 0,
                MaxSchedulingLagMs = summary?.MaxSchedulingLagMs ?? 0,
                Steps = steps.Where(s => s.Scenario == name)
                    .Select(s => new StepReport(s.Step!, ReportStats.From(s, stats.Histogram(name, s.Step), seconds))
                    {
                        FailureMessages = FailureMessageReports.ForStep(s.FailureMessages),
                        OtherFailureMessages = ReportStats.Sorted(s.OtherFailureMessages),
                    })
                    .ToArray(),
            };
        }).ToArray();

        return new LoadReport
        {
            SchemaVersion = LoadReport.CurrentSchemaVersion,
            Tool = LoadReport.ToolName,
            ToolVersion = ToolVersion,
            Title = title,
            StartedAt = result.StartedAt.ToUniversalTime(),
            EndedAt = result.EndedAt.ToUniversalTime(),
            DurationSeconds = seconds,
            PlannedDurationSeconds = result.PlannedDuration.TotalSeconds,
            Complete = result.Complete,
            StopReason = StopReasons.ToText(result.StopReason),
            Segments = [result.Segment.ToString()],
            PeakUsers = Math.Max(stats.PeakUsers, scenarios.Select(s => s.PeakUsers).DefaultIfEmpty(0).Max()),
            Dropped = scenarios.Sum(s => s.Dropped),
            ThresholdsPassed = result.Thresholds.AllPassed,
            Totals = ReportStats.From(run, stats.Histogram(), seconds),
            Scenarios = scenarios,
            FailureMessages = FailureMessageReports.ForRun(scenarios),
            OtherFailureMessages = FailureMessageReports.OtherForRun(scenarios),
            IntervalSeconds = stats.Interval.TotalSeconds,
            Series = stats.Intervals.Select(Point).ToArray(),
            Thresholds = result.Thresholds.Verdicts.Select(ThresholdReports.From).ToArray(),
        };
    }

    private static SeriesPoint Point(IntervalPoint point) => new()
    {
        Start = point.Start.ToUniversalTime(),
        End = point.End.ToUniversalTime(),
        Users = new SortedDictionary<string, int>(point.UsersByScenario.ToDictionary(), StringComparer.Ordinal),
        Dropped = new SortedDictionary<string, long>((point.DroppedByScenario ?? new Dictionary<string, long>()).ToDictionary(), StringComparer.Ordinal),
        Total = Stats(point.Total),
        Scenarios = point.Stats.Where(s => s.Scenario is not null && s.Step is null && s.Requests > 0)
            .ToDictionary(s => s.Scenario!, Stats, StringComparer.Ordinal),
        Steps = point.Stats.Where(s => s.Scenario is not null && s.Step is not null && s.Requests > 0)
            .Select(s => new SeriesStepStats
            {
                Scenario = s.Scenario!,
                Step = s.Step!,
                Requests = s.Requests,
                Failed = s.Failed,
                Rps = s.RequestsPerSecond,
                P50Ms = s.P50Ms,
                P95Ms = s.P95Ms,
                P99Ms = s.P99Ms,
            })
            .ToArray(),
    };

    private static SeriesStats Stats(IntervalStats stats) => new()
    {
        Requests = stats.Requests,
        Failed = stats.Failed,
        Rps = stats.RequestsPerSecond,
        P50Ms = stats.P50Ms,
        P95Ms = stats.P95Ms,
        P99Ms = stats.P99Ms,
        Histogram = stats.EncodedHistogram,
    };
}

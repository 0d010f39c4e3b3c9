using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Reports;

/// <summary>
/// Combines the reports of the segments of one distributed run (<c>--segment i/n</c>) into the report of the whole
/// run, exactly: counts add, histograms add losslessly and every percentile is computed again from the sum; the time
/// series are aligned by wall clock (<see cref="SeriesGrid"/>); the thresholds are judged again on the merged figures.
/// See docs/load-report.md for every rule.
/// </summary>
public static class LoadReportMerger
{
    /// <param name="inputs">Each report with the path it was read from (named in errors).</param>
    /// <exception cref="LoadReportException">The reports cannot be merged; the message is one line.</exception>
    public static LoadReport Merge(IReadOnlyList<(string Path, LoadReport Report)> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
            throw new LoadReportException("nothing to merge: give at least one report.json");

        foreach (var (path, report) in inputs)
        {
            if (report.SchemaVersion != LoadReport.CurrentSchemaVersion)
                throw new LoadReportException($"{path}: report schema version {report.SchemaVersion}; this odooperf-load merges version {LoadReport.CurrentSchemaVersion}");
            // Histograms are checked as they are decoded below; decoding them twice would double a long merge.
            LoadReportJson.Validate(report, path, histograms: false);
        }

        var segments = CheckSegments(inputs);
        var gridSeconds = SeriesGrid.CheckIntervals(inputs);

        var startedAt = inputs.Min(i => i.Report.StartedAt);
        var endedAt = inputs.Max(i => i.Report.EndedAt);
        var seconds = Math.Max(0, (endedAt - startedAt).TotalSeconds);
        var series = SeriesGrid.Merge(inputs, gridSeconds);

        var scenarioNames = inputs.SelectMany(i => i.Report.Scenarios.Select(s => s.Name)).Distinct(StringComparer.Ordinal).ToArray();
        var messages = FailureMessageMerge.Merge(inputs.Select(i => i.Report));
        var scenarios = scenarioNames.Select(name => Scenario(inputs, name, seconds, series, messages)).ToArray();
        var peakUsers = Math.Max(
            series.Select(p => p.TotalUsers).DefaultIfEmpty(0).Max(),
            inputs.Max(i => i.Report.PeakUsers));

        var thresholds = inputs
            .SelectMany(i => i.Report.Thresholds.Select(t => (i.Path, t.Expression)))
            .DistinctBy(t => t.Expression, StringComparer.Ordinal)
            .ToArray();
        foreach (var (path, expression) in thresholds)
        {
            if (!Thresholds.ThresholdParser.TryParse(expression, out _, out var error))
                throw new LoadReportException($"{path}: {error.Message}");
        }

        var merged = new LoadReport
        {
            SchemaVersion = LoadReport.CurrentSchemaVersion,
            Tool = LoadReport.ToolName,
            ToolVersion = LoadReportBuilder.ToolVersion,
            Title = inputs[0].Report.Title,
            StartedAt = startedAt,
            EndedAt = endedAt,
            DurationSeconds = seconds,
            PlannedDurationSeconds = inputs.Max(i => i.Report.PlannedDurationSeconds),
            Complete = inputs.All(i => i.Report.Complete),
            StopReason = inputs.Select(i => i.Report.StopReason).FirstOrDefault(r => r != StopReasons.Completed) ?? StopReasons.Completed,
            Segments = segments,
            PeakUsers = peakUsers,
            Dropped = inputs.Sum(i => i.Report.Dropped),
            ThresholdsPassed = true,
            Totals = Stats(inputs.Select(i => (i.Path, (ReportStats)i.Report.Totals)), "totals", seconds),
            Scenarios = scenarios,
            FailureMessages = FailureMessageReports.ForRun(scenarios),
            OtherFailureMessages = FailureMessageReports.OtherForRun(scenarios),
            Unfinished = Unfinished(inputs.Select(i => i.Report.Unfinished)),
            IntervalSeconds = gridSeconds,
            Series = series,
            Thresholds = thresholds.Select(t => new ThresholdReport { Expression = t.Expression, Outcome = ThresholdReport.OutcomeNotApplicable, Line = t.Expression }).ToArray(),
        };
        return merged.Judged(baseline: null, source: "the merged report");
    }

    /// <summary>The union of the inputs' segments, in order; rejects a mix of segment counts and a segment given twice.</summary>
    private static string[] CheckSegments(IReadOnlyList<(string Path, LoadReport Report)> inputs)
    {
        var seen = new Dictionary<ExecutionSegment, string>();
        (int Count, string Path)? first = null;
        foreach (var (path, report) in inputs)
        {
            foreach (var text in report.Segments)
            {
                if (!ExecutionSegment.TryParse(text, out var segment))
                    throw new LoadReportException($"{path}: bad segment '{text}' (expected i/n)");
                first ??= (segment.Count, path);
                if (segment.Count != first.Value.Count)
                    throw new LoadReportException(
                        $"{path} is segment {segment} but {first.Value.Path} is a segment of {first.Value.Count}: only the segments of one run merge");
                if (seen.TryGetValue(segment, out var other))
                    throw new LoadReportException(other == path
                        ? $"{path} lists segment {segment} twice"
                        : $"segment {segment} is in both {other} and {path}: each segment may be merged once");
                seen[segment] = path;
            }
        }

        return seen.Keys.OrderBy(s => s.Index).Select(s => s.ToString()).ToArray();
    }

    private static ScenarioReport Scenario(IReadOnlyList<(string Path, LoadReport Report)> inputs, string name, double seconds, IReadOnlyList<SeriesPoint> series,
        Dictionary<(string Scenario, string Step), (FailureMessageReport[] Messages, SortedDictionary<string, long> Other)> messages)
    {
        var parts = inputs
            .SelectMany(i => i.Report.Scenarios.Where(s => s.Name == name).Select(s => (i.Path, i.Report, Scenario: s)))
            .ToArray();
        var stepNames = parts.SelectMany(p => p.Scenario.Steps.Select(s => s.Name)).Distinct(StringComparer.Ordinal);
        var steps = stepNames.Select(step => new StepReport(step, Stats(
            parts.SelectMany(p => p.Scenario.Steps.Where(s => s.Name == step).Select(s => (p.Path, (ReportStats)s))),
            LoadReport.Where(name, step), seconds))
        {
            FailureMessages = messages[(name, step)].Messages,
            OtherFailureMessages = messages[(name, step)].Other,
        }).ToArray();

        var peakInSeries = series.Select(p => p.Users.GetValueOrDefault(name)).DefaultIfEmpty(0).Max();
        return new ScenarioReport(Stats(parts.Select(p => (p.Path, (ReportStats)p.Scenario)), LoadReport.Where(name, null), seconds))
        {
            Name = name,
            Phases = Phases(parts.Select(p => (p.Report.Segments, p.Scenario.Phases)).ToArray()),
            Iterations = parts.Sum(p => p.Scenario.Iterations),
            Dropped = parts.Sum(p => p.Scenario.Dropped),
            PeakUsers = Math.Max(peakInSeries, parts.Max(p => p.Scenario.PeakUsers)),

            // Every segment runs the same timeline with its share of the users, so the shares' peaks coincide.
            PeakTargetUsers = parts.Sum(p => p.Scenario.PeakTargetUsers),
            MaxSchedulingLagMs = parts.Max(p => p.Scenario.MaxSchedulingLagMs),
            Steps = steps,
        };
    }

    /// <summary>The phases when every segment had the same; otherwise each segment's, labelled with it.</summary>
    private static string[] Phases(IReadOnlyList<(IReadOnlyList<string> Segments, IReadOnlyList<string> Phases)> parts)
    {
        if (parts.All(p => p.Phases.SequenceEqual(parts[0].Phases, StringComparer.Ordinal)))
            return [.. parts[0].Phases];
        return parts.SelectMany(p => p.Phases.Select(phase => $"[{string.Join(',', p.Segments)}] {phase}")).ToArray();
    }

    /// <summary>Stats blocks added: counts and maps summed, histograms added, latencies and rates computed again.</summary>
    private static ReportStats Stats(IEnumerable<(string Path, ReportStats Stats)> parts, string where, double seconds)
    {
        long ok = 0, failed = 0, sent = 0, received = 0, clamped = 0;
        var statuses = new List<KeyValuePair<string, long>>();
        var reasons = new List<KeyValuePair<string, long>>();
        var histogram = LatencyHistogram.Create();
        foreach (var (path, stats) in parts)
        {
            ok += stats.Ok;
            failed += stats.Failed;
            sent += stats.BytesSent;
            received += stats.BytesReceived;
            clamped += stats.ClampedLatencies;
            statuses.AddRange(stats.StatusCodes);
            reasons.AddRange(stats.FailuresByReason);
            histogram.Add(Histograms.Decode(stats.Histogram, path, where));
        }

        return ReportStats.From(ok, failed, sent, received, clamped, statuses, reasons, histogram, seconds);
    }

    // Each segment counted its own unfinished work: the counts add up; null when no input counted any.
    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>? Unfinished(
        IEnumerable<IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>?> segments)
    {
        var counted = segments.Where(u => u is not null).ToList();
        if (counted.Count == 0)
        {
            return null;
        }

        return counted.SelectMany(u => u!).SelectMany(scenario => scenario.Value.Select(stage => (Scenario: scenario.Key, Stage: stage.Key, Count: stage.Value)))
            .GroupBy(u => u.Scenario, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, long>)new SortedDictionary<string, long>(
                    g.GroupBy(u => u.Stage, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Sum(u => u.Count), StringComparer.Ordinal), StringComparer.Ordinal),
                StringComparer.Ordinal);
    }
}

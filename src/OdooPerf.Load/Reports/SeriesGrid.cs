using System.Globalization;
using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Reports;

/// <summary>
/// Aligns the time series of several reports by wall clock. The grid's cell is the longest interval of the inputs
/// (a series widened on a long run has a longer one; every interval must divide it, which holds for intervals that
/// only ever doubled from the same start), and starts at the earliest point. Each point goes to the cell that holds
/// its midpoint. A merged point spans its cell (the last one ends with the latest point in it). In a cell: counts
/// add; run and scenario histograms add (exact percentiles); step percentiles are the largest of the points' (upper
/// bounds: steps keep no per-point histogram); rps is the sum of each report's rate over its own points in the cell
/// (segments run side by side, so their rates add whatever their offset); users add across reports, taking each
/// report's most per scenario when several of its points share the cell; dropped iterations add.
/// </summary>
internal static class SeriesGrid
{
    /// <summary>The cell length in seconds; rejects intervals that do not divide it.</summary>
    public static double CheckIntervals(IReadOnlyList<(string Path, LoadReport Report)> inputs)
    {
        var longest = inputs.MaxBy(i => i.Report.IntervalSeconds);
        var grid = longest.Report.IntervalSeconds;
        foreach (var (path, report) in inputs)
        {
            var ratio = grid / report.IntervalSeconds;
            if (Math.Abs(ratio - Math.Round(ratio)) > 1e-6)
            {
                throw new LoadReportException(
                    $"{path}: its series interval of {Text(report.IntervalSeconds)} s does not divide the {Text(grid)} s of {longest.Path}: the segments of one run use the same stats interval");
            }
        }

        return grid;
    }

    public static IReadOnlyList<SeriesPoint> Merge(IReadOnlyList<(string Path, LoadReport Report)> inputs, double gridSeconds)
    {
        var all = inputs.SelectMany((input, index) => input.Report.Series.Select(point => (Input: index, input.Path, Point: point))).ToArray();
        if (all.Length == 0)
            return [];

        var anchor = all.Min(p => p.Point.Start);
        var cell = TimeSpan.FromSeconds(gridSeconds);
        var groups = all
            .GroupBy(p => (long)Math.Floor((Midpoint(p.Point) - anchor).TotalSeconds / gridSeconds))
            .OrderBy(group => group.Key)
            .ToArray();

        // Encoding a histogram costs about a millisecond and a long run has thousands of cells: use every core.
        var merged = new SeriesPoint[groups.Length];
        try
        {
            Parallel.For(0, groups.Length, i => merged[i] = Cell(anchor + (cell * groups[i].Key), cell, groups[i].ToArray()));
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<LoadReportException>().FirstOrDefault() is { } first)
        {
            throw new LoadReportException(first.Message, first);
        }

        return merged;
    }

    private static DateTimeOffset Midpoint(SeriesPoint point) => point.Start + ((point.End - point.Start) / 2);

    private static SeriesPoint Cell(DateTimeOffset start, TimeSpan length, (int Input, string Path, SeriesPoint Point)[] points)
    {
        var end = Min(start + length, points.Max(p => p.Point.End));

        var users = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var report in points.GroupBy(p => p.Input))
        {
            var most = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (scenario, count) in report.SelectMany(p => p.Point.Users))
                most[scenario] = Math.Max(count, most.GetValueOrDefault(scenario));
            foreach (var (scenario, count) in most)
                users[scenario] = users.GetValueOrDefault(scenario) + count;
        }

        var dropped = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (scenario, count) in points.SelectMany(p => p.Point.Dropped))
            dropped[scenario] = dropped.GetValueOrDefault(scenario) + count;

        var scenarios = new Dictionary<string, SeriesStats>(StringComparer.Ordinal);
        foreach (var name in points.SelectMany(p => p.Point.Scenarios.Keys).Distinct(StringComparer.Ordinal))
        {
            scenarios[name] = Stats(points.Where(p => p.Point.Scenarios.ContainsKey(name)).Select(p => Part(p, p.Point.Scenarios[name])), $"the series of scenario '{name}'");
        }

        var steps = points.SelectMany(p => p.Point.Steps.Select(step => Part(p, step)))
            .GroupBy(part => (part.Stats.Scenario, part.Stats.Step))
            .Select(group => new SeriesStepStats
            {
                Scenario = group.Key.Scenario,
                Step = group.Key.Step,
                Requests = group.Sum(s => s.Stats.Requests),
                Failed = group.Sum(s => s.Stats.Failed),
                Rps = Rate(group.Select(s => (s.Input, s.Seconds, s.Stats.Requests))),
                P50Ms = group.Max(s => s.Stats.P50Ms),
                P95Ms = group.Max(s => s.Stats.P95Ms),
                P99Ms = group.Max(s => s.Stats.P99Ms),
            })
            .ToArray();

        return new SeriesPoint
        {
            Start = start,
            End = end,
            Users = users,
            Dropped = dropped,
            Total = Stats(points.Select(p => Part(p, p.Point.Total)), "the series totals"),
            Scenarios = scenarios,
            Steps = steps,
        };
    }

    private static (int Input, string Path, double Seconds, T Stats) Part<T>((int Input, string Path, SeriesPoint Point) point, T stats) =>
        (point.Input, point.Path, point.Point.DurationSeconds, stats);

    /// <summary>The sum over reports of each report's requests per second over its own points.</summary>
    private static double Rate(IEnumerable<(int Input, double Seconds, long Requests)> parts) =>
        parts.GroupBy(p => p.Input).Sum(report =>
        {
            var seconds = report.Sum(p => p.Seconds);
            return seconds <= 0 ? 0 : report.Sum(p => p.Requests) / seconds;
        });

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    /// <summary>Exact when every part has its histogram; otherwise the largest percentiles, without a histogram.</summary>
    private static SeriesStats Stats(IEnumerable<(int Input, string Path, double Seconds, SeriesStats Stats)> parts, string where)
    {
        var list = parts.ToArray();
        var requests = list.Sum(p => p.Stats.Requests);
        var failed = list.Sum(p => p.Stats.Failed);
        var rps = Rate(list.Select(p => (p.Input, p.Seconds, p.Stats.Requests)));
        if (list.Any(p => p.Stats.Histogram is null))
        {
            return new SeriesStats
            {
                Requests = requests,
                Failed = failed,
                Rps = rps,
                P50Ms = list.Max(p => p.Stats.P50Ms),
                P95Ms = list.Max(p => p.Stats.P95Ms),
                P99Ms = list.Max(p => p.Stats.P99Ms),
            };
        }

        if (list.Length == 1)
        {
            // Nothing to add: keep the histogram as it is (decoding and encoding it again would give the same).
            return list[0].Stats with { Rps = rps };
        }

        var histogram = LatencyHistogram.Create();
        foreach (var (_, path, _, stats) in list)
            histogram.Add(Histograms.Decode(stats.Histogram, path, where));

        return new SeriesStats
        {
            Requests = requests,
            Failed = failed,
            Rps = rps,
            P50Ms = LatencySummaries.Percentile(histogram, 50),
            P95Ms = LatencySummaries.Percentile(histogram, 95),
            P99Ms = LatencySummaries.Percentile(histogram, 99),
            Histogram = HistogramCodec.Encode(histogram),
        };
    }

    private static string Text(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}

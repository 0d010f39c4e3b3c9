using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;
using OdooPerf.Load.Thresholds;
using OdooPerf.Testing;

namespace OdooPerf.Load.Tests.Reports;

/// <summary>Runs recorded by hand on a <see cref="ManualClock"/>, turned into <see cref="LoadRunResult"/>s.</summary>
internal static class TestRuns
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Plays <paramref name="seconds"/> seconds: each second calls <paramref name="play"/> with the second's number,
    /// then moves the clock and closes due intervals. <paramref name="startDelay"/> starts the run later in wall time.
    /// </summary>
    public static RunStats Play(int seconds, Action<RunStats, int> play, TimeSpan startDelay = default, double extraSeconds = 0, TimeSpan? interval = null)
    {
        var clock = new ManualClock();
        clock.Advance(startDelay);
        var stats = new RunStats(new RunStatsOptions { Interval = interval ?? Interval }, clock);
        for (var second = 0; second < seconds; second++)
        {
            play(stats, second);
            clock.Advance(TimeSpan.FromSeconds(1));
            stats.CloseDueIntervals();
        }

        clock.Advance(TimeSpan.FromSeconds(extraSeconds));
        stats.Complete();
        return stats;
    }

    public static LoadRunResult Result(
        RunStats stats,
        StopReason stop = StopReason.Completed,
        ExecutionSegment? segment = null,
        IEnumerable<string>? thresholds = null,
        IReadOnlyList<StatsSnapshot>? baseline = null)
    {
        var summaries = stats.Scenarios()
            .Select(name => new ScenarioRunSummary(name, [Simulation.RampUsers(10, TimeSpan.FromSeconds(5)), Simulation.KeepUsers(10, TimeSpan.FromSeconds(15))],
                stats.Iterations(name).Started, stats.Iterations(name).Dropped, stats.Users(name).Peak, 10, 1.5))
            .ToArray();
        var verdicts = ThresholdEvaluator.Evaluate(ThresholdParser.ParseAll(thresholds ?? []), stats.AllSnapshots(), baseline);
        return new LoadRunResult(stats, summaries, stats.StartedAt, stats.StartedAt + stats.Elapsed, TimeSpan.FromSeconds(20), stop, verdicts,
            segment ?? ExecutionSegment.Whole);
    }

    /// <summary>
    /// One segment's share of a workload: scenario 'browse' (steps 'open_form' and 'list', with timeouts and 504s),
    /// and for segment 2 only a scenario 'checkout' (whose failures' messages differ only in an order number).
    /// Latencies spread from about 1 ms to 2 s, distinct per segment.
    /// </summary>
    public static void Workload(RunStats stats, int second, int segment)
    {
        var form = stats.Step("browse", "open_form");
        var list = stats.Step("browse", "list");
        stats.Users("browse").Set(4 + segment + (second % 3));
        for (var i = 0; i < 20 + (segment * 3); i++)
        {
            stats.Iterations("browse").RecordStarted();
            var ms = 1 + ((i * 37 + second * 113 + segment * 211) % 2_000);
            form.RecordOk(TimeSpan.FromMilliseconds(ms * 0.731), 200, bytesSent: 300, bytesReceived: 20_000);
            if (i % 4 == segment)
                list.RecordFailure(TimeSpan.FromMilliseconds(ms), "timeout", 504, bytesSent: 310, message: "Gateway Time-out: the server did not answer in time");
            else
                list.RecordOk(TimeSpan.FromMilliseconds(ms / 3.0), 200, bytesSent: 310, bytesReceived: 9_000);
        }

        if (second % 4 == segment)
            stats.Iterations("browse").RecordDropped();

        if (segment == 2)
        {
            stats.Users("checkout").Set(2);
            var pay = stats.Step("checkout", "pay");
            pay.RecordOk(TimeSpan.FromMilliseconds(50 + second), 201);
            pay.RecordFailure(TimeSpan.FromMilliseconds(900 + second), "http_500", 500, message: $"Internal Server Error: order {1000 + second} could not be paid");
        }
    }

    /// <summary>A complete whole run of <see cref="Workload"/> (segment 1's share) with thresholds that pass and fail.</summary>
    public static LoadRunResult Simple(StopReason stop = StopReason.Completed, IEnumerable<string>? thresholds = null) =>
        Result(Play(20, (s, t) => Workload(s, t, 1)), stop, thresholds: thresholds ?? ["p95 < 3s", "browse/list: fail_rate < 1%"]);
}

using System.Diagnostics;
using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

[Collection(nameof(EngineCollection))]
public sealed class OpenModelTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Inject_rate_delivers_the_configured_rate_to_the_server()
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(1));
        var scenario = HttpScenarios.OneGet("inject", server, Simulation.InjectRate(200, 3 * Second));

        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        // 200/s for 3 s is exactly 600 arrivals, all started (a fast server never leaves the pool without a free user)
        // and all answered.
        Assert.Equal(600, result.Scenarios[0].IterationsStarted);
        Assert.Equal(0, result.DroppedIterations);
        Assert.Equal(600, server.Requests);
        var snapshot = result.Stats.Snapshot("inject", HttpScenarios.Step);
        Assert.Equal(600, snapshot.Ok);

        // The rate the server saw: the slope of arrival time against arrival number (least squares, so a few late
        // arrivals on a busy machine barely move it), within 2% of 5 ms.
        var raw = server.Arrivals;
        var arrivals = raw.Select(t => Stopwatch.GetElapsedTime(raw[0], t).TotalSeconds).ToArray();
        var rate = 1 / Slope(arrivals);
        Assert.InRange(rate, 196, 204);
        // Spread over the run, not in bursts: each second (from the first arrival) got its 200, ±5%.
        for (var second = 0; second < 3; second++)
        {
            var inSecond = arrivals.Count(a => a >= second && a < second + 1);
            Assert.InRange(inSecond, 190, 210);
        }
    }

    [Fact]
    public async Task Ramp_rate_follows_its_arrival_curve()
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(1));
        var scenario = HttpScenarios.OneGet("ramp", server, Simulation.RampRate(0, 100, 2 * Second));

        var start = Stopwatch.GetTimestamp();
        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();

        // 0 → 100/s over 2 s: 100 arrivals, a quarter of them in the first second (the integral grows as t²).
        Assert.Equal(100, result.Scenarios[0].IterationsStarted);
        Assert.Equal(100, server.Requests);
        var firstSecond = server.Arrivals.Count(t => Stopwatch.GetElapsedTime(start, t) < Second);
        Assert.InRange(firstSecond, 20, 30);
    }

    [Fact]
    public async Task A_server_too_slow_for_the_concurrency_limit_makes_the_engine_drop_and_count_iterations()
    {
        // 100/s on 5 virtual users while each request takes 200 ms: at most 25/s can start, the rest find every user busy.
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(200));
        var scenario = HttpScenarios.OneGet("slow", server, Simulation.InjectRate(100, 2 * Second)).WithMaxConcurrentIterations(5);

        var result = await new LoadRunner(new LoadRunOptions
        {
            Scenarios = [scenario],
            Stats = new() { Interval = TimeSpan.FromMilliseconds(500) },
        }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        var summary = result.Scenarios[0];
        // Nothing silently skipped: every scheduled iteration either started or was counted as dropped.
        Assert.Equal(200, summary.IterationsStarted + summary.IterationsDropped);
        // 5 users × 2 s / 200 ms = 50 starts at most (a few more as the first ones start at once at 0 s).
        Assert.InRange(summary.IterationsStarted, 40, 60);
        Assert.Equal(summary.IterationsDropped, result.DroppedIterations);
        Assert.Equal(summary.IterationsDropped, result.Stats.Iterations("slow").Dropped);
        // The series counts the same drops, interval by interval.
        Assert.Equal(summary.IterationsDropped, result.Stats.Intervals.Sum(p => p.Dropped));
        Assert.True(result.Stats.Intervals.Count(p => p.Dropped > 0) >= 3, "drops all along the run, not in one burst");
        // The limit held at the server, and every started iteration reached it and was recorded.
        Assert.Equal(5, server.MaxInFlight);
        Assert.Equal(5, summary.PeakUsers);
        Assert.Equal(summary.IterationsStarted, server.Requests);
        Assert.Equal(summary.IterationsStarted, result.Stats.Snapshot("slow").Ok);
    }

    // Least-squares slope of values against their index.
    private static double Slope(double[] values)
    {
        var n = values.Length;
        var meanX = (n - 1) / 2.0;
        var meanY = values.Average();
        double covariance = 0;
        double variance = 0;
        for (var i = 0; i < n; i++)
        {
            covariance += (i - meanX) * (values[i] - meanY);
            variance += (i - meanX) * (i - meanX);
        }

        return covariance / variance;
    }
}

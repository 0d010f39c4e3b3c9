using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

[Collection(nameof(EngineCollection))]
public sealed class LatencyTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Percentiles_match_a_server_with_a_known_service_time()
    {
        // Both models against a 50 ms server: the closed model with 4 users, the open model at 40/s (2 in flight on
        // average, far below its limit), so neither queues and what is measured is the service time plus loopback.
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(50));
        var closed = HttpScenarios.OneGet("closed", server, Simulation.KeepUsers(4, 2 * Second));
        var open = HttpScenarios.OneGet("open", server, Simulation.InjectRate(40, 2 * Second));

        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [closed, open] }).RunAsync();

        foreach (var scenario in new[] { "closed", "open" })
        {
            var snapshot = result.Stats.Snapshot(scenario, HttpScenarios.Step);
            var latency = snapshot.Latency;
            Assert.Equal(0, snapshot.Failed);
            Assert.True(snapshot.Requests >= 70, $"{scenario}: {snapshot.Requests} requests");
            // The server never answers in under 50 ms, so nothing faster may be recorded (an engine that timed from the
            // wrong moment, or lost the unit, would).
            Assert.True(latency.MinMs >= 50, $"{scenario}: min {latency.MinMs} ms");
            // The median is the service time plus the request's own cost on loopback: a few ms, 15 at most on a busy
            // two-core machine. The open model's is timed from the intended start, so the scheduler's lag counts too.
            Assert.InRange(latency.P50Ms, 50, 65);
            // The tail is left alone: a virtual user's first request also opens its connection (and, first in the
            // process, JITs the client), which is real but not the server's service time.
            Assert.InRange(latency.MeanMs, 50, 90);
            Assert.True(latency.MaxMs >= latency.P99Ms && latency.P99Ms >= latency.P95Ms && latency.P95Ms >= latency.P50Ms);
        }

        // The run's summary merges both scenarios' histograms.
        Assert.Equal(result.Stats.Snapshot("closed").Requests + result.Stats.Snapshot("open").Requests, result.Stats.Snapshot().Requests);
        Assert.InRange(result.Stats.Snapshot().Latency.P50Ms, 50, 65);
    }
}

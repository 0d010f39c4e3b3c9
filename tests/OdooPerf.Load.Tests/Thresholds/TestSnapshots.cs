using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Tests.Thresholds;

/// <summary>Hand-built snapshots: every latency figure distinct so a test reading the wrong one notices.</summary>
internal static class TestSnapshots
{
    public static readonly LatencySummary Latency = new(
        MinMs: 10, MeanMs: 400, StdDevMs: 150, P50Ms: 350, P75Ms: 600, P90Ms: 1_500,
        P95Ms: 2_410, P99Ms: 5_000, P999Ms: 9_000, MaxMs: 12_000);

    public static StatsSnapshot Of(
        string? scenario = null,
        string? step = null,
        long ok = 980,
        long failed = 20,
        double durationSeconds = 10,
        LatencySummary? latency = null) =>
        new(scenario, step, ok, failed,
            new Dictionary<string, long> { ["timeout"] = failed },
            new Dictionary<int, long> { [200] = ok },
            BytesSent: 1_000, BytesReceived: 50_000, durationSeconds, latency ?? Latency);

    /// <summary>A run with a scenario 'browse' (steps 'open_form' and 'sale.order-list') and a scenario 'checkout'.</summary>
    public static StatsSnapshot[] Run() =>
    [
        Of(),
        Of("browse"),
        Of("browse", "open_form", latency: Latency with { P95Ms = 3_000 }),
        Of("browse", "sale.order-list", latency: Latency with { P95Ms = 800 }),
        Of("checkout", ok: 100, failed: 0, latency: Latency with { P95Ms = 4_000 }),
    ];
}

using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Reports;

/// <summary>The latency distribution of a stats block in report.json, in milliseconds (<c>latencyMs</c>).</summary>
public sealed record ReportLatency
{
    public required double Min { get; init; }
    public required double Mean { get; init; }
    public required double Stddev { get; init; }
    public required double P50 { get; init; }
    public required double P75 { get; init; }
    public required double P90 { get; init; }
    public required double P95 { get; init; }
    public required double P99 { get; init; }
    public required double P999 { get; init; }
    public required double Max { get; init; }

    public static ReportLatency From(LatencySummary summary) => new()
    {
        Min = summary.MinMs,
        Mean = summary.MeanMs,
        Stddev = summary.StdDevMs,
        P50 = summary.P50Ms,
        P75 = summary.P75Ms,
        P90 = summary.P90Ms,
        P95 = summary.P95Ms,
        P99 = summary.P99Ms,
        P999 = summary.P999Ms,
        Max = summary.MaxMs,
    };
}

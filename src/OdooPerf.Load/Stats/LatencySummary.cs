namespace OdooPerf.Load.Stats;

/// <summary>Latency distribution of a set of requests, in milliseconds (from HdrHistogram, microsecond resolution).</summary>
public sealed record LatencySummary(
    double MinMs,
    double MeanMs,
    double StdDevMs,
    double P50Ms,
    double P75Ms,
    double P90Ms,
    double P95Ms,
    double P99Ms,
    double P999Ms,
    double MaxMs);

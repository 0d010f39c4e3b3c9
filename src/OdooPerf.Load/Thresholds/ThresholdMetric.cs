namespace OdooPerf.Load.Thresholds;

/// <summary>A figure of a <see cref="Stats.StatsSnapshot"/> a threshold can judge. Names and units: <see cref="ThresholdMetrics"/>.</summary>
public enum ThresholdMetric
{
    Min,
    Mean,
    StdDev,
    P50,
    P75,
    P90,
    P95,
    P99,
    P999,
    Max,
    FailRate,
    Rps,
    Requests,
    Failed,
    Ok,
}

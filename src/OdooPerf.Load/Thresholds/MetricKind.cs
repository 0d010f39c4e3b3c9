namespace OdooPerf.Load.Thresholds;

/// <summary>What sort of quantity a metric is; decides which units its limit takes.</summary>
public enum MetricKind
{
    /// <summary>A duration; limits need a unit (ms, s or m) and are held in milliseconds.</summary>
    Latency,

    /// <summary>A fraction of requests; limits are written as a percentage (2%) or a fraction (0.02).</summary>
    Rate,

    /// <summary>Requests per second; a plain number.</summary>
    Throughput,

    /// <summary>A count of requests; a whole number.</summary>
    Count,
}

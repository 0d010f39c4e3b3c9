namespace OdooPerf.Load.Reports;

/// <summary>
/// What the whole run or one scenario did in one point of the time series. <see cref="Histogram"/> holds the
/// point's latencies (as in <see cref="ReportStats.Histogram"/>) so merged points stay exact; null when it was lost
/// (a merge with a point that had none), and then the percentiles are upper bounds.
/// </summary>
public sealed record SeriesStats
{
    public required long Requests { get; init; }
    public required long Failed { get; init; }

    /// <summary>Requests per second over the point's span.</summary>
    public required double Rps { get; init; }

    public required double P50Ms { get; init; }
    public required double P95Ms { get; init; }
    public required double P99Ms { get; init; }
    public string? Histogram { get; init; }
}

namespace OdooPerf.Load.Reports;

/// <summary>
/// What one step did in one point of the time series. Steps keep no histogram per point (memory), so when points
/// are widened or merged their percentiles are the largest of the points': an upper bound, never an understatement.
/// </summary>
public sealed record SeriesStepStats
{
    public required string Scenario { get; init; }
    public required string Step { get; init; }
    public required long Requests { get; init; }
    public required long Failed { get; init; }
    public required double Rps { get; init; }
    public required double P50Ms { get; init; }
    public required double P95Ms { get; init; }
    public required double P99Ms { get; init; }
}

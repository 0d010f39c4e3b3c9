using System.Text.Json.Serialization;

namespace OdooPerf.Load.Reports;

/// <summary>
/// One point of the time series in report.json: its wall-clock span, the most users each scenario had running in
/// it, the iterations each scenario dropped in it, and what the run, each scenario and each step did in it. Scenarios
/// and steps without requests in the point are left out.
/// </summary>
public sealed record SeriesPoint
{
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required IReadOnlyDictionary<string, int> Users { get; init; }
    public required IReadOnlyDictionary<string, long> Dropped { get; init; }
    public required SeriesStats Total { get; init; }
    public required IReadOnlyDictionary<string, SeriesStats> Scenarios { get; init; }
    public required IReadOnlyList<SeriesStepStats> Steps { get; init; }

    [JsonIgnore]
    public double DurationSeconds => (End - Start).TotalSeconds;

    /// <summary>Users of all scenarios (each scenario's most in the point): an upper bound of the users running at once.</summary>
    [JsonIgnore]
    public int TotalUsers => Users.Values.Sum();

    [JsonIgnore]
    public long TotalDropped => Dropped.Values.Sum();
}

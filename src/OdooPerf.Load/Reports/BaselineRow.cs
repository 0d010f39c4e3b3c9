using System.Text.Json.Serialization;

namespace OdooPerf.Load.Reports;

/// <summary>
/// One scope of the run (the run: both names null; a scenario: <see cref="Step"/> null; a step) next to the same
/// scope of the baseline. Baseline figures are null when the baseline lacks the scope; a percent change is null when
/// there is no baseline figure or it is 0. Positive latency deltas are slower; positive rps deltas are faster.
/// </summary>
public sealed record BaselineRow
{
    public string? Scenario { get; init; }
    public string? Step { get; init; }
    public required long Requests { get; init; }
    public long? BaselineRequests { get; init; }
    public required double Rps { get; init; }
    public double? BaselineRps { get; init; }
    public double? RpsDeltaPercent { get; init; }
    public required double P50Ms { get; init; }
    public double? BaselineP50Ms { get; init; }
    public double? P50DeltaPercent { get; init; }
    public required double P95Ms { get; init; }
    public double? BaselineP95Ms { get; init; }
    public double? P95DeltaPercent { get; init; }
    public required double P99Ms { get; init; }
    public double? BaselineP99Ms { get; init; }
    public double? P99DeltaPercent { get; init; }
    public required double FailRate { get; init; }
    public double? BaselineFailRate { get; init; }

    /// <summary>The change of the fail rate in percentage points (1.5 = from 0.5% to 2%).</summary>
    public double? FailRateDeltaPoints { get; init; }

    /// <summary>How reports name the scope: <c>the run</c>, <c>browse</c>, <c>browse/open_form</c>.</summary>
    [JsonIgnore]
    public string Scope => Scenario is null ? "the run" : Step is null ? Scenario : $"{Scenario}/{Step}";
}

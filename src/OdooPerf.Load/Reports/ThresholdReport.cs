using System.Text.Json.Serialization;

namespace OdooPerf.Load.Reports;

/// <summary>
/// One threshold's verdict in report.json. <see cref="Expression"/> is the threshold as written on the command line,
/// scope included, and parses back with <see cref="Thresholds.ThresholdParser"/> (merge and baseline re-judge it).
/// </summary>
public sealed record ThresholdReport
{
    public required string Expression { get; init; }

    /// <summary><c>passed</c>, <c>failed</c> or <c>not-applicable</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The measured value in the metric's canonical unit (ms, a 0..1 fraction, requests/s, a count); null when there was none.</summary>
    public double? Actual { get; init; }

    /// <summary>The baseline's value, for regression thresholds.</summary>
    public double? Baseline { get; init; }

    /// <summary>Why there is no value (e.g. <c>no such step 'x' in scenario 'y'</c>), else null.</summary>
    public string? Reason { get; init; }

    /// <summary>The verdict as the console prints it, e.g. <c>p95 &lt; 3s on browse: 2.41 s — passed</c>.</summary>
    public required string Line { get; init; }

    [JsonIgnore]
    public bool Failed => Outcome == OutcomeFailed;

    public const string OutcomePassed = "passed";
    public const string OutcomeFailed = "failed";
    public const string OutcomeNotApplicable = "not-applicable";
}

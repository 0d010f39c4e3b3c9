using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace OdooPerf.Load.Reports;

/// <summary>
/// One scenario in report.json: how it was loaded (phases, iterations, users, scheduling lag), its stats block (all
/// its steps together) and its steps.
/// </summary>
public sealed record ScenarioReport : ReportStats
{
    [JsonConstructor]
    public ScenarioReport()
    {
    }

    [SetsRequiredMembers]
    public ScenarioReport(ReportStats stats)
        : base(stats)
    {
        Name = "";
        Phases = [];
        Steps = [];
    }

    [JsonPropertyOrder(-8)]
    public required string Name { get; init; }

    /// <summary>
    /// The load phases as the console names them, e.g. <c>ramp_users(50, 5m)</c>, scaled to the segment. A merged
    /// report whose segments had different phases lists each segment's, prefixed with <c>[i/n] </c>.
    /// </summary>
    [JsonPropertyOrder(-7)]
    public required IReadOnlyList<string> Phases { get; init; }

    /// <summary>Iterations started.</summary>
    [JsonPropertyOrder(-6)]
    public required long Iterations { get; init; }

    /// <summary>Iterations the open model could not start on time (never run, not in the request counts).</summary>
    [JsonPropertyOrder(-5)]
    public required long Dropped { get; init; }

    /// <summary>The most virtual users this scenario had running at once.</summary>
    [JsonPropertyOrder(-4)]
    public required int PeakUsers { get; init; }

    /// <summary>The most virtual users its phases asked for at once.</summary>
    [JsonPropertyOrder(-3)]
    public required int PeakTargetUsers { get; init; }

    /// <summary>How late the open model's scheduler started an iteration at worst (a saturated generator shows here).</summary>
    [JsonPropertyOrder(-2)]
    public required double MaxSchedulingLagMs { get; init; }

    [JsonPropertyOrder(1)]
    public required IReadOnlyList<StepReport> Steps { get; init; }
}

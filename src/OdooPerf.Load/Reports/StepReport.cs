using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Reports;

/// <summary>One step of a scenario in report.json: its name, its stats block and the messages its failures carried.</summary>
public sealed record StepReport : ReportStats
{
    [JsonConstructor]
    public StepReport()
    {
    }

    [SetsRequiredMembers]
    public StepReport(string name, ReportStats stats)
        : base(stats)
    {
        Name = name;
    }

    [JsonPropertyOrder(-1)]
    public required string Name { get; init; }

    /// <summary>
    /// The distinct messages of the step's failures, earliest first, at most <see cref="FailureMessageLimits.MaxPerStep"/>;
    /// empty in reports written before messages were kept.
    /// </summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<FailureMessageReport> FailureMessages { get; init; } = [];

    /// <summary>Failures whose message was not kept (beyond the limits), by reason; keys sorted.</summary>
    [JsonPropertyOrder(2)]
    public IReadOnlyDictionary<string, long> OtherFailureMessages { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);
}

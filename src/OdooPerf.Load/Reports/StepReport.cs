using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace OdooPerf.Load.Reports;

/// <summary>One step of a scenario in report.json: its name and its stats block.</summary>
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
}

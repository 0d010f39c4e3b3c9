using OdooPerf.Load.Simulations;
using OdooPerf.Load.Thresholds;
using OdooPerf.LoadTests.Hosting;

namespace OdooPerf.LoadTests.Running;

/// <summary>How any load command runs, whatever its scenarios: reports, thresholds, bounds, segment, live metrics, console.</summary>
internal sealed record RunSettings
{
    /// <summary>Where report.json, report.md and report.html go (created, checked writable before the load).</summary>
    public required string ReportDirectory { get; init; }

    /// <summary>True when this run created <see cref="ReportDirectory"/> (removed again if the run cannot start).</summary>
    public bool ReportDirectoryCreated { get; init; }

    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    public bool AbortOnFail { get; init; }

    public BaselineInput? Baseline { get; init; }

    public TimeSpan? MaxDuration { get; init; }

    public TimeSpan GracefulStop { get; init; } = TimeSpan.FromSeconds(10);

    public ExecutionSegment Segment { get; init; } = ExecutionSegment.Whole;

    public DateTimeOffset? StartAt { get; init; }

    public ListenAddress? MetricsListen { get; init; }

    /// <summary>The time series' interval, and the cadence of plain progress lines.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The title given with <c>--title</c>; the command's own when null.</summary>
    public string? Title { get; init; }

    /// <summary>Plain progress lines even on a terminal.</summary>
    public bool Plain { get; init; }
}

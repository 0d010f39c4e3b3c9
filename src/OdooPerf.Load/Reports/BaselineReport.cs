namespace OdooPerf.Load.Reports;

/// <summary>
/// The comparison of a run with a baseline run's report.json (<c>--baseline FILE</c>): which file, when that run
/// started, and the figures of every scope of this run next to the baseline's (<see cref="BaselineComparison"/>).
/// </summary>
public sealed record BaselineReport
{
    /// <summary>The baseline file as given on the command line.</summary>
    public required string File { get; init; }

    public required string Title { get; init; }
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The run, then each scenario of this run followed by its steps.</summary>
    public required IReadOnlyList<BaselineRow> Steps { get; init; }

    /// <summary>Scopes of the baseline this run does not have (<c>browse</c>, <c>browse/open_form</c>): renamed or lost steps.</summary>
    public required IReadOnlyList<string> MissingInCurrent { get; init; }
}

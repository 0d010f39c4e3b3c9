namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>What to report on and how much to keep. The caps bound memory whatever the log holds.</summary>
public sealed record LogReportSettings
{
    /// <summary>Entries before this local time are left out (inclusive bound).</summary>
    public DateTime? Since { get; init; }

    /// <summary>Entries at or after this local time are left out (exclusive bound).</summary>
    public DateTime? Until { get; init; }

    /// <summary>Rows in each ranked table of the text and HTML reports, and requests kept per top list.</summary>
    public int Top { get; init; } = 20;

    public RequestedInterval Interval { get; init; } = RequestedInterval.Auto;

    /// <summary>Distinct model/method pairs tracked; the rest are folded into <c>other</c>.</summary>
    public int MaxModelMethods { get; init; } = 1000;

    /// <summary>Distinct path patterns tracked; the rest are folded into <c>other</c>.</summary>
    public int MaxPaths { get; init; } = 1000;

    /// <summary>Distinct (exception type, frame) pairs tracked.</summary>
    public int MaxTracebackGroups { get; init; } = 500;

    /// <summary>Distinct cron jobs tracked.</summary>
    public int MaxCronJobs { get; init; } = 500;

    /// <summary>Distinct hours of login failures tracked (a year and a bit).</summary>
    public int MaxLoginFailureHours { get; init; } = 10_000;
}

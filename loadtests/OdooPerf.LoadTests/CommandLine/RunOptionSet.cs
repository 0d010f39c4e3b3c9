using System.CommandLine;
using OdooPerf.Load.Reports;
using OdooPerf.Load.Thresholds;
using OdooPerf.LoadTests.Hosting;
using OdooPerf.LoadTests.Running;

namespace OdooPerf.LoadTests.CommandLine;

/// <summary>
/// The options every load command shares (reports, thresholds, baseline, bounds, segment, start time, live metrics,
/// console), and how they become <see cref="RunSettings"/>. Values are read as text and checked here, so every bad one
/// gets a one-line error naming the option.
/// </summary>
internal sealed class RunOptionSet
{
    public Option<string?> ReportDir { get; } = new("--report-dir")
    {
        Description = "Directory for report.json, report.md and report.html (default: a new odooperf-load-DATE-TIME directory here)",
        HelpName = "DIR",
    };

    public Option<string[]> Threshold { get; } = new("--threshold")
    {
        Description = "Pass/fail rule, repeatable: 'p95 < 3s', 'fail_rate < 2%', 'rps > 100', 'http/get: p99 < 500ms', 'p95 +20%' (with --baseline)",
        HelpName = "EXPR",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> AbortOnFail { get; } = new("--abort-on-fail")
    {
        Description = "Judge the thresholds every second during the run and stop it as soon as one fails",
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "A previous run's report.json: the reports show the deltas, and regression thresholds ('p95 +20%') compare with it",
        HelpName = "FILE",
    };

    public Option<string?> MaxDuration { get; } = new("--max-duration")
    {
        Description = "Stop the run after this long even if phases remain (the reports are marked incomplete)",
        HelpName = "DURATION",
    };

    public Option<string?> GracefulStop { get; } = new("--graceful-stop")
    {
        Description = "At the end or on Ctrl-C, how long requests in flight may finish before they are cancelled (default 10s)",
        HelpName = "DURATION",
    };

    public Option<string?> Segment { get; } = new("--segment")
    {
        Description = "Run only this share of the load, i/n (segments 1/n .. n/n together make the whole run; combine their reports with 'merge')",
        HelpName = "i/n",
    };

    public Option<string?> StartAt { get; } = new("--start-at")
    {
        Description = "Wait until this time before starting the load, e.g. 2025-06-01T09:00:00Z (segments on several hosts start together)",
        HelpName = "ISO-TIME",
    };

    public Option<string?> MetricsListen { get; } = new("--metrics-listen")
    {
        Description = "Serve live Prometheus metrics (odooperf_load_*) on http://HOST:PORT/metrics during the run, e.g. 127.0.0.1:9721",
        HelpName = "HOST:PORT",
    };

    public Option<string?> Interval { get; } = new("--interval")
    {
        Description = "Interval of the reports' time series and of plain progress lines (default 5s, at least 100ms)",
        HelpName = "DURATION",
    };

    public Option<string?> Title { get; } = new("--title")
    {
        Description = "Title of the reports (default: what was run)",
        HelpName = "TEXT",
    };

    public Option<bool> Plain { get; } = new("--plain")
    {
        Description = "Plain progress lines even on a terminal (also when stdout is not a terminal, or NO_COLOR is set)",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { ReportDir, Threshold, AbortOnFail, Baseline, MaxDuration, GracefulStop, Segment, StartAt, MetricsListen, Interval, Title, Plain })
        {
            command.Add(option);
        }
    }

    /// <exception cref="UsageException">A value is malformed, the baseline unreadable or the report directory unwritable.</exception>
    public RunSettings Bind(ParseResult parse, DateTimeOffset now)
    {
        var segment = parse.GetValue(Segment) is { } segmentText ? OptionValues.Segment("--segment", segmentText) : Load.Simulations.ExecutionSegment.Whole;
        var interval = parse.GetValue(Interval) is { } intervalText ? OptionValues.Duration("--interval", intervalText) : TimeSpan.FromSeconds(5);
        if (interval < TimeSpan.FromMilliseconds(100))
        {
            throw new UsageException($"invalid --interval '{parse.GetValue(Interval)}': must be at least 100ms");
        }

        var settings = new RunSettings
        {
            ReportDirectory = "",
            Thresholds = ParseThresholds(parse.GetValue(Threshold)),
            AbortOnFail = parse.GetValue(AbortOnFail),
            Baseline = parse.GetValue(Baseline) is { } baseline ? ReadBaseline(baseline) : null,
            MaxDuration = parse.GetValue(MaxDuration) is { } max ? OptionValues.Duration("--max-duration", max) : null,
            GracefulStop = parse.GetValue(GracefulStop) is { } graceful ? OptionValues.DurationOrZero("--graceful-stop", graceful) : TimeSpan.FromSeconds(10),
            Segment = segment,
            StartAt = parse.GetValue(StartAt) is { } startAt ? OptionValues.Instant("--start-at", startAt) : null,
            MetricsListen = parse.GetValue(MetricsListen) is { } listen ? ListenAddress.Parse("--metrics-listen", listen) : null,
            Interval = interval,
            Title = parse.GetValue(Title) is { Length: > 0 } title ? title : null,
            Plain = parse.GetValue(Plain),
        };

        // Last: the directory is created only once everything else is known to be right.
        var directory = parse.GetValue(ReportDir) ?? ReportDirectory.Default(segment, now);
        var (full, created) = ReportDirectory.Prepare("--report-dir", directory);
        return settings with { ReportDirectory = full, ReportDirectoryCreated = created };
    }

    /// <exception cref="UsageException">An expression is malformed (the parser's one-line message).</exception>
    public static IReadOnlyList<Threshold> ParseThresholds(IEnumerable<string>? expressions)
    {
        try
        {
            return ThresholdParser.ParseAll(expressions ?? []);
        }
        catch (ThresholdSyntaxException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <exception cref="UsageException">The file is not a readable load report.</exception>
    public static BaselineInput ReadBaseline(string path)
    {
        try
        {
            return new BaselineInput(path, LoadReportJson.Read(path));
        }
        catch (LoadReportException e)
        {
            throw new UsageException($"invalid --baseline: {e.Message}");
        }
    }
}

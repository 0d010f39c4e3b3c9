using OdooPerf.Load.LiveMetrics;
using OdooPerf.Load.Reports;
using OdooPerf.Load.Running;
using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Stats;
using OdooPerf.Load.Thresholds;
using OdooPerf.LoadTests.CommandLine;
using OdooPerf.LoadTests.Console;
using OdooPerf.LoadTests.Hosting;

namespace OdooPerf.LoadTests.Running;

/// <summary>
/// One load run from the command line, whatever its scenarios: live metrics, signals, live progress, the engine, then
/// the reports, the summary and the exit code (0 thresholds passed, 1 one failed, 3 could not start). The reports are
/// written however the run ends once the load has started (completed, Ctrl-C, SIGTERM, max duration, abort on fail).
/// </summary>
internal static class LoadSession
{
    /// <exception cref="UsageException">The metrics address cannot be listened on, or the options are inconsistent.</exception>
    /// <param name="finish">Completes the report before it is written (the Odoo suite adds its verdict and step calls).</param>
    public static async Task<int> RunAsync(IReadOnlyList<Scenario> scenarios, RunSettings settings, string title, ConsoleOutput console,
        Func<LoadReport, LoadReport>? finish = null)
    {
        title = Redaction.Apply(settings.Title ?? title);
        var metrics = settings.MetricsListen is null ? null : new LoadMetrics(settings.Segment);
        MetricsEndpoint? started = null;
        try
        {
            started = settings.MetricsListen is { } listen && metrics is not null
                ? await MetricsEndpoint.StartAsync(listen, metrics.Registry).ConfigureAwait(false)
                : null;
        }
        catch (UsageException)
        {
            ReportDirectory.RemoveIfUnused(settings.ReportDirectory, settings.ReportDirectoryCreated);
            throw;
        }

        await using var endpoint = started;

        using var tracing = TraceExport.StartIfConfigured();
        using var loggers = new ConsoleLoggerFactory(console);
        LoadRunner runner;
        try
        {
            runner = new LoadRunner(new LoadRunOptions
            {
                Scenarios = scenarios,
                MaxDuration = settings.MaxDuration,
                GracefulStop = settings.GracefulStop,
                Thresholds = settings.Thresholds,
                AbortOnFail = settings.AbortOnFail,
                Baseline = settings.Baseline?.Report.ToSnapshots(),
                Segment = settings.Segment,
                StartAt = settings.StartAt,
                Stats = new RunStatsOptions { Interval = settings.Interval, RecordListener = metrics, FailureMessageRedactor = Redaction.Apply },
                LoggerFactory = loggers,
            });
        }
        catch (Exception e) when (e is ArgumentException or LoadReportException)
        {
            throw new UsageException(e.Message);
        }

        metrics?.Attach(runner.Progress);
        if (endpoint is not null)
        {
            console.Line($"live metrics on http://{endpoint.Address}/metrics");
        }

        using var signals = new StopSignals(rank => console.Error(rank == 1
            ? $"stopping: requests in flight may finish (up to {Figures.Seconds(settings.GracefulStop)}); the reports will be marked incomplete. Press Ctrl-C again to cancel them."
            : "cancelling the requests in flight"));

        var openModel = scenarios.Where(s => s.Phases.Any(p => p.IsOpenModel)).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        LoadRunResult result;
        var progress = LiveProgress.Start(runner.Progress, console, title, openModel);
        await using (progress.ConfigureAwait(false))
        {
            try
            {
                result = await runner.RunAsync(signals.Stop, signals.Kill).ConfigureAwait(false);
            }
            catch (LoadStartException e)
            {
                await progress.DisposeAsync().ConfigureAwait(false);
                console.Error($"could not start: {e.Message}");
                ReportDirectory.RemoveIfUnused(settings.ReportDirectory, settings.ReportDirectoryCreated);
                return ExitCodes.CouldNotStart;
            }
            catch (OperationCanceledException) when (signals.Stop.IsCancellationRequested)
            {
                // Stopped while waiting for --start-at: no load ran, so there is nothing to report.
                await progress.DisposeAsync().ConfigureAwait(false);
                console.Error("could not start: interrupted before the load started");
                ReportDirectory.RemoveIfUnused(settings.ReportDirectory, settings.ReportDirectoryCreated);
                return ExitCodes.CouldNotStart;
            }
        }

        var report = LoadReportBuilder.Build(result, title);
        if (settings.Baseline is { } baseline)
        {
            report = report.WithBaseline(baseline.Report, baseline.Path);
        }

        if (finish is not null)
        {
            report = finish(report);
        }

        IReadOnlyList<string> files;
        try
        {
            files = ReportOutput.Write(settings.ReportDirectory, report);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            SummaryPrinter.Print(console, report, []);
            console.Error($"cannot write the reports to '{settings.ReportDirectory}': {e.Message}");
            return ExitCodes.BadUsage;
        }

        SummaryPrinter.Print(console, report, files);
        return ExitCode(report);
    }

    /// <summary>1 when a threshold failed (also during the run, with abort-on-fail) or the verdict is NO-GO, else 0.</summary>
    public static int ExitCode(LoadReport report) =>
        report.ThresholdsPassed && report.StopReason != StopReasons.ThresholdAborted && report.Verdict != GoLive.GoLiveVerdict.NoGo
            ? ExitCodes.Success
            : ExitCodes.ThresholdFailed;
}

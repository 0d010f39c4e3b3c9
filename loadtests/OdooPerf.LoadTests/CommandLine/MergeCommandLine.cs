using System.CommandLine;
using OdooPerf.Load.Reports;
using OdooPerf.LoadTests.Console;
using OdooPerf.LoadTests.Running;

namespace OdooPerf.LoadTests.CommandLine;

/// <summary>
/// <c>odooperf-load merge --report-dir DIR [--threshold EXPR ...] [--baseline FILE] FILE...</c>: combines the
/// report.json files of the segments of one run (<c>--segment i/n</c>) exactly, judges the thresholds again on the
/// merged figures (those stored in the reports plus any given), writes the three reports and prints the summary.
/// Exit code 0 when every threshold passed, 1 when one failed, 2 for bad input.
/// </summary>
internal static class MergeCommandLine
{
    public static Command Create()
    {
        var reportDir = new Option<string?>("--report-dir") { Description = "Directory for the merged report.json, report.md and report.html", HelpName = "DIR", Required = true };
        var threshold = new Option<string[]>("--threshold")
        {
            Description = "A threshold to judge as well as those stored in the reports, repeatable: 'p95 < 3s', 'fail_rate < 2%'",
            HelpName = "EXPR",
            AllowMultipleArgumentsPerToken = false,
        };
        var baseline = new Option<string?>("--baseline") { Description = "A previous run's report.json to compare the merged run with", HelpName = "FILE" };
        var files = new Argument<string[]>("FILE") { Description = "The segments' report.json files", Arity = ArgumentArity.OneOrMore };

        var command = new Command("merge", "Combine the report.json files of the segments of one run into the report of the whole run.")
        {
            reportDir, threshold, baseline, files,
        };
        command.SetAction(async (parse, _) =>
        {
            var console = ConsoleOutput.ForProcess(plain: true);
            return await CommandErrors.GuardAsync(console, () =>
            {
                var extra = RunOptionSet.ParseThresholds(parse.GetValue(threshold));
                var before = parse.GetValue(baseline) is { } baselinePath ? RunOptionSet.ReadBaseline(baselinePath) : null;
                var inputs = new List<(string Path, LoadReport Report)>();
                LoadReport merged;
                try
                {
                    foreach (var path in parse.GetValue(files) ?? [])
                    {
                        inputs.Add((path, LoadReportJson.Read(path)));
                    }

                    merged = LoadReportMerger.Merge(inputs);
                    merged = merged.WithThresholds([.. merged.ParseThresholds(), .. extra]);
                    if (before is not null)
                    {
                        // Fills the comparison block and judges every threshold again, regression ones against it.
                        merged = merged.WithBaseline(before.Report, before.Path);
                    }

                    // Segments of an Odoo go-live run: the whole run's verdict, decided on the merged figures.
                    if (inputs.All(i => i.Report.Verdict is not null))
                    {
                        merged = merged with { Verdict = GoLive.GoLiveVerdict.Decide(merged) };
                    }
                }
                catch (LoadReportException e)
                {
                    throw new UsageException(e.Message);
                }

                var (directory, _) = ReportDirectory.Prepare("--report-dir", parse.GetValue(reportDir)!);
                var written = ReportOutput.Write(directory, merged);
                SummaryPrinter.Print(console, merged, written);
                return Task.FromResult(LoadSession.ExitCode(merged));
            }).ConfigureAwait(false);
        });
        return command;
    }
}

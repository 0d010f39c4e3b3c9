using System.CommandLine;
using System.Globalization;
using OdooPerf.LoadTests.Console;
using OdooPerf.LoadTests.Derive;
using OdooPerf.Odoo.Logs;

namespace OdooPerf.LoadTests.CommandLine;

/// <summary>
/// <c>odooperf-load derive --from-log odoo.log [--top 30] [--output FILE] [--force]</c>: a mix file from a production
/// log (the observed proportions of the scenarios' calls, think time, concurrency and a suggested number of users), so
/// the test replays real traffic instead of guesses.
/// </summary>
internal static class DeriveCommandLine
{
    public const string DefaultOutput = "odooperf-mix.json";

    public static Command Create()
    {
        var fromLog = new Option<string?>("--from-log") { Description = "The production Odoo server log to read (plain or gzip)", HelpName = "FILE" };
        var top = new Option<string?>("--top") { Description = "Calls listed in the file's derivedFrom (default 30)", HelpName = "N" };
        var output = new Option<string?>("--output") { Description = $"The mix file to write (default {DefaultOutput})", HelpName = "FILE" };
        var force = new Option<bool>("--force") { Description = "Overwrite the output file if it exists" };
        var command = new Command("derive", "Write a mix file (scenario weights, think time, suggested users) from a production Odoo log, for 'run --mix'.")
        {
            fromLog, top, output, force,
        };
        command.SetAction((parse, _) =>
        {
            var console = ConsoleOutput.ForProcess(plain: true);
            return CommandErrors.GuardAsync(console, () => Task.FromResult(Run(parse, console, fromLog, top, output, force)));
        });
        return command;
    }

    private static int Run(ParseResult parse, ConsoleOutput console, Option<string?> fromLog, Option<string?> top, Option<string?> output, Option<bool> force)
    {
        var log = parse.GetValue(fromLog) ?? throw new UsageException("--from-log FILE is required (the Odoo server log to learn the workload from)");
        var count = parse.GetValue(top) is { } topText ? OptionValues.PositiveInteger("--top", topText) : 30;
        var target = Path.GetFullPath(parse.GetValue(output) ?? DefaultOutput);
        if (File.Exists(target) && !parse.GetValue(force))
        {
            throw new UsageException($"'{target}' exists: give another --output, or --force to overwrite it");
        }

        if (Directory.Exists(log))
        {
            throw new UsageException($"cannot read --from-log '{log}': it is a directory, not a log file");
        }

        var collector = new LogRequestCollector();
        var reader = new OdooLogReader(collector);
        try
        {
            LogFileReader.Read(log, reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read --from-log '{log}': {e.Message}");
        }

        if (collector.Requests.Count == 0)
        {
            throw new UsageException($"'{log}' has no request lines of Odoo's werkzeug logger with timings ({reader.Lines} lines read): is it an Odoo server log, written at log level info?");
        }

        var workload = WorkloadDerivation.Derive(collector.Requests, count);
        try
        {
            File.WriteAllText(target, DerivedMixFile.Format(workload, Path.GetFileName(log), reader.Lines, collector.Unparsed, collector.Excluded));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{target}': {e.Message}");
        }

        Print(console, workload, reader.Lines, collector, target);
        return 0;
    }

    private static void Print(ConsoleOutput console, DerivedWorkload workload, long lines, LogRequestCollector collector, string target)
    {
        console.Line($"read {lines.ToString("N0", CultureInfo.InvariantCulture)} lines: {workload.Requests.ToString("N0", CultureInfo.InvariantCulture)} user requests "
            + $"from {workload.From:yyyy-MM-dd HH:mm} to {workload.To:yyyy-MM-dd HH:mm}, {collector.Excluded} other requests left out, {collector.Unparsed} malformed lines skipped");
        console.Line("scenario weights: " + string.Join(", ", workload.Weights.Select(w => $"{w.Scenario} {w.Weight.ToString("0.#", CultureInfo.InvariantCulture)}%")));
        console.Line(workload.ThinkSeconds is { } think ? $"think time: {think.Median}s-{think.P90}s" : $"think time: {workload.ThinkTimeMethod} (run uses --think-time or its default)");
        console.Line($"busiest minute: {workload.PeakRequestsPerMinute} requests, {workload.PeakActiveAddresses} client addresses, {workload.PeakAverageInFlight.ToString("0.##", CultureInfo.InvariantCulture)} requests in flight on average");
        console.Line($"suggested --expected-users {workload.SuggestedExpectedUsers} ({workload.SuggestionMethod})");
        if (workload.ButtonsUnattributed > 0)
        {
            console.Line($"{workload.ButtonsUnattributed} buttons had no earlier model call from their client: left out of the weights");
        }

        console.Line($"wrote {target}");
    }
}

using System.CommandLine;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>The <c>logs</c> command and its <c>report</c> subcommand, as <c>Program</c> adds them to the root command.</summary>
public static class LogReportCommandLine
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Odoo log files in the order to read them (oldest first, e.g. odoo.log.2.gz odoo.log.1 odoo.log); gzip is recognised by content; - reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var since = new Option<string?>("--since")
        {
            Description = "Leave out entries before this time: YYYY-MM-DD, 'YYYY-MM-DD HH:MM[:SS]' or ISO 8601 without a zone, in the log's (the Odoo server's) local time",
            HelpName = "TIME",
        };
        var until = new Option<string?>("--until")
        {
            Description = "Leave out entries at or after this time (same forms as --since; --until 2024-03-06 ends with the 5th)",
            HelpName = "TIME",
        };
        var format = new Option<string>("--format")
        {
            Description = "text (default), json (schema in README.md) or html (one self-contained page with charts)",
            HelpName = "text|json|html",
            DefaultValueFactory = _ => "text",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to FILE instead of standard output",
            HelpName = "FILE",
        };
        var top = new Option<int>("--top")
        {
            Description = "Rows in each ranked table and requests in each top list (default 20)",
            HelpName = "N",
            DefaultValueFactory = _ => 20,
        };
        var interval = new Option<string>("--interval")
        {
            Description = "Timeline interval: auto (minutes for up to 6 hours of log, else hours; default), minute or hour",
            HelpName = "auto|minute|hour",
            DefaultValueFactory = _ => "auto",
        };

        var report = new Command("report", "Report on Odoo logs after the fact: traffic, latency, errors, slow routes and models, N+1 candidates, workers, crons, logins, tracebacks.")
        {
            files,
            since,
            until,
            format,
            output,
            top,
            interval,
        };
        report.SetAction(parse => LogReportCommand.Run(new LogReportCommand.Arguments(
            parse.GetValue(files) ?? [],
            parse.GetValue(since),
            parse.GetValue(until),
            parse.GetValue(format) ?? "text",
            parse.GetValue(output),
            parse.GetValue(top),
            parse.GetValue(interval) ?? "auto")));

        return new Command("logs", "Work with Odoo log files.") { report };
    }
}

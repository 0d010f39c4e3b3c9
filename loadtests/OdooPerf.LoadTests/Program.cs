using System.CommandLine;
using OdooPerf.Load.Thresholds;
using OdooPerf.LoadTests.Calibration;
using OdooPerf.LoadTests.CommandLine;
using OdooPerf.LoadTests.Console;

namespace OdooPerf.LoadTests;

/// <summary>
/// The <c>odooperf-load</c> command line. Exit codes: 0 every threshold passed, 1 one failed, 2 bad usage, 3 the run
/// could not start (target unreachable), 70 an internal error.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["http", ..])
        {
            SocketCompletions.RunInline();
        }

        // Before parsing: a parse error would echo the value, and a password given as a flag is already visible to
        // every user of the machine in ps.
        if (args.Any(a => a is "--password" or "--api-key" || a.StartsWith("--password=", StringComparison.Ordinal) || a.StartsWith("--api-key=", StringComparison.Ordinal)))
        {
            System.Console.Error.WriteLine($"{ConsoleOutput.Program}: a password or API key is never a flag (every user of this machine sees flags in ps): use --password-file FILE, --api-key-file FILE or the ODOO_PASSWORD environment variable");
            return ExitCodes.BadUsage;
        }

        var root = new RootCommand("odooperf-load: load tests for Odoo, and the engine's calibration against any URL.")
        {
            RunCommandLine.Create(),
            SeedCommandLine.Create(),
            DeriveCommandLine.Create(),
            HttpCommandLine.Create(),
            MergeCommandLine.Create(),
        };

        // Response files (@file) are off: a report path or a threshold may start with '@'.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            System.Console.Error.WriteLine(Redaction.Apply($"{ConsoleOutput.Program}: {parse.Errors[0].Message} (see '{ConsoleOutput.Program} --help')"));
            return ExitCodes.BadUsage;
        }

        // Commands handle Ctrl-C and SIGTERM themselves (a graceful stop that still writes the reports), and their
        // own errors (one line, never a stack trace).
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false })
            .ConfigureAwait(false);
    }
}

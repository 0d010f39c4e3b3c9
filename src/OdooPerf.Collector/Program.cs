using System.CommandLine;
using OdooPerf.Collector.Hosting;

namespace OdooPerf.Collector;

/// <summary>The <c>odooperf</c> command line.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var listen = new Option<string?>("--listen")
        {
            Description = $"Address of the /metrics endpoint (default {ListenAddress.Default})",
            HelpName = "HOST:PORT",
        };
        var config = new Option<string?>("--config")
        {
            Description = "JSON configuration file (see deploy/odooperf.example.json)",
            HelpName = "FILE",
        };

        var pg = new Option<string?>("--pg")
        {
            Description = "PostgreSQL to watch, as an Npgsql connection string (no password: use .pgpass, PGPASSWORD or Postgres:Servers:0:PasswordFile)",
            HelpName = "CONNSTRING",
        };

        var odooLog = new Option<string[]>("--odoo-log")
        {
            Description = "Odoo log to follow: a file, a glob in the file name (/var/log/odoo/*.log) or journald:UNIT (repeatable)",
            HelpName = "PATH",
            AllowMultipleArgumentsPerToken = false,
        };
        var odooUrl = new Option<string?>("--odoo-url")
        {
            Description = "Odoo to probe over HTTP (/web/health, or /web/webclient/version_info before 15.0), e.g. http://127.0.0.1:8069",
            HelpName = "URL",
        };
        var odooLogFromStart = new Option<bool>("--odoo-log-from-start")
        {
            Description = "Read Odoo logs from their beginning the first time (default: from the end, as tail -f; a saved position always wins)",
        };

        var collect = new Command("collect", "Run the collector daemon: serve host, PostgreSQL, Odoo process and self metrics on /metrics.")
        {
            listen,
            config,
            pg,
            odooLog,
            odooLogFromStart,
            odooUrl,
        };
        collect.SetAction((parse, _) => CollectCommand.RunAsync(
            parse.GetValue(config),
            Flags(new Dictionary<string, string?>
            {
                ["Listen"] = parse.GetValue(listen),
                ["Postgres:Servers:0:ConnectionString"] = parse.GetValue(pg),
                ["OdooLog:FromStart"] = parse.GetValue(odooLogFromStart) ? "true" : null,
                ["OdooProbe:Url"] = parse.GetValue(odooUrl),
            }, "OdooLog:Paths", parse.GetValue(odooLog))));

        var root = new RootCommand("OdooPerf: performance monitoring for Odoo/PostgreSQL servers.") { collect, OdooLog.Report.LogReportCommandLine.Create() };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"odooperf: {parse.Errors[0].Message} (see 'odooperf --help')");
            return StartupException.ExitCode;
        }

        // The generic host handles SIGTERM and Ctrl-C itself, with its own shutdown timeout.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }

    /// <summary>Adds a repeatable flag's values as the list setting <paramref name="key"/>:0, :1, ...</summary>
    private static Dictionary<string, string?> Flags(Dictionary<string, string?> flags, string key, string[]? values)
    {
        for (var i = 0; i < (values?.Length ?? 0); i++)
        {
            flags[$"{key}:{i}"] = values![i];
        }

        return flags;
    }
}

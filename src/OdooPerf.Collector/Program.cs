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

        var collect = new Command("collect", "Run the collector daemon: serve host, PostgreSQL, Odoo process and self metrics on /metrics.")
        {
            listen,
            config,
            pg,
        };
        collect.SetAction((parse, _) => CollectCommand.RunAsync(
            parse.GetValue(config),
            new Dictionary<string, string?>
            {
                ["Listen"] = parse.GetValue(listen),
                ["Postgres:Servers:0:ConnectionString"] = parse.GetValue(pg),
            }));

        var root = new RootCommand("OdooPerf: performance monitoring for Odoo/PostgreSQL servers.") { collect };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"odooperf: {parse.Errors[0].Message} (see 'odooperf --help')");
            return StartupException.ExitCode;
        }

        // The generic host handles SIGTERM and Ctrl-C itself, with its own shutdown timeout.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }
}

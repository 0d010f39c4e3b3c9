using BenchmarkDotNet.Running;

namespace OdooPerf.Benchmarks;

/// <summary>
/// <c>soak [--scrapes N] [--warmup N] [--timeout SECONDS]</c>: start the real daemon and scrape it over HTTP
/// (latency and resident memory). <c>pg-compare [--tables N] [--scrapes N]</c>: the PostgreSQL source against
/// postgres_exporter on a throwaway cluster. <c>log-report [--size-mb N] [--gzip]</c>: <c>odooperf logs report</c> on a
/// synthetic log against reading it. <c>static-server --port N</c>: the local static endpoint the load engine and wrk
/// are compared on (scripts/load-vs-wrk.sh). Anything else goes to BenchmarkDotNet, e.g. <c>--filter '*Scrape*'</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "soak")
        {
            return await SoakCommand.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "pg-compare")
        {
            return await PostgresCompareCommand.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "static-server")
        {
            return await StaticEndpointCommand.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "log-report")
        {
            return LogReportCommand.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

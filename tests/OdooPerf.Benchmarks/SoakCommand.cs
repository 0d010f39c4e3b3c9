using System.Diagnostics;
using System.Globalization;
using OdooPerf.Testing;

namespace OdooPerf.Benchmarks;

/// <summary>
/// The soak run: starts the real <c>odooperf collect</c> on a free loopback port with a zero cache TTL,
/// scrapes <c>/metrics</c> N times over HTTP, one request at a time, and prints latency and the daemon's
/// resident memory against the targets (full scrape p50 under 20 ms, VmRSS under 80 MB after the scrapes).
/// Every figure comes with a baseline measured in the same run: latency against GET / (the landing page,
/// same Kestrel pipeline and connection, no collection), memory against the daemon's own RSS when it
/// became ready. The daemon runs with the Environment= settings of the shipped systemd unit (GC and JIT
/// settings), as it does in production; --no-unit-env leaves them out. Exit code: 0 all targets met, 1 a
/// target missed, 2 the run itself failed.
/// </summary>
public static class SoakCommand
{
    private const double ScrapeP50TargetMs = 20;
    private const double RssTargetMb = 80;

    // Decimal megabytes: /proc reports KiB, and 80 MB read as 80 * 10^6 bytes is the stricter reading.
    private const double BytesPerMb = 1_000_000;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        SoakSettings settings;
        try
        {
            settings = SoakSettings.Parse(args);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"soak: {ex.Message}");
            Console.Error.WriteLine("usage: soak [--scrapes N] [--warmup N] [--timeout SECONDS] [--odooperf PATH/TO/odooperf.dll] [--no-unit-env]");
            return 2;
        }

        var daemonDll = settings.DaemonPath ?? Path.Join(AppContext.BaseDirectory, "odooperf.dll");
        if (!File.Exists(daemonDll))
        {
            Console.Error.WriteLine($"soak: {daemonDll} not found; build with 'dotnet build tests/OdooPerf.Benchmarks -c Release' (the project reference copies it) or pass --odooperf");
            return 2;
        }

        // One bound on the whole run, daemon start and stop included, so a hung daemon or a stuck request
        // cannot keep a CI job waiting. Ctrl-C goes through the same path and still stops the daemon.
        using var overall = new CancellationTokenSource(settings.Timeout);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            overall.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var environment = settings.UnitEnvironment ? UnitEnvironment.Read() : [];
            environment["ODOOPERF_SCRAPE__CACHETTL"] = "00:00:00"; // every scrape refreshes every source
            await using var daemon = await CollectorProcess.StartAsync(environment: environment, assemblyPath: daemonDll).WaitAsync(overall.Token).ConfigureAwait(false);
            var result = await MeasureAsync(daemon, settings, overall.Token).ConfigureAwait(false);
            var took = await daemon.TerminateAsync(StopTimeout).ConfigureAwait(false);
            var stop = $"SIGTERM: exit code {daemon.ExitCode} after {took.TotalMilliseconds:0} ms";
            return Report(settings, daemon, daemonDll, environment, result, stop);
        }
        catch (OperationCanceledException) when (overall.IsCancellationRequested)
        {
            Console.Error.WriteLine($"soak: FAIL, did not finish within {settings.Timeout.TotalSeconds:0} s (or was interrupted); daemon stopped");
            return 2;
        }
        catch (Exception ex) when (ex is SoakException or InvalidOperationException or TimeoutException or HttpRequestException)
        {
            Console.Error.WriteLine($"soak: {ex.Message}");
            return 2;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<SoakResult> MeasureAsync(CollectorProcess daemon, SoakSettings settings, CancellationToken cancellationToken)
    {
        // Loopback only, never through a proxy a developer's environment may name.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = RequestTimeout };
        var metrics = new Uri(daemon.BaseAddress, "/metrics");
        var landing = new Uri(daemon.BaseAddress, "/");

        // Baseline memory: the daemon is listening and has served the one readiness scrape.
        var rssReady = daemon.ReadStatusKb("VmRSS");

        // Untimed warm-up: JIT and tiering of both paths, connection set up, first-time allocations of every
        // metric family. It is the steady state that is to be judged, not start-up.
        for (var i = 0; i < settings.Warmup; i++)
        {
            await GetAsync(http, landing, cancellationToken).ConfigureAwait(false);
            await GetAsync(http, metrics, cancellationToken).ConfigureAwait(false);
        }

        var rssBefore = daemon.ReadStatusKb("VmRSS");

        // Interleaved, one request at a time: the baseline and the scrape see the same machine load, the
        // same connection and the same moment of the daemon's life, so their ratio is fair.
        var baseline = new double[settings.Scrapes];
        var scrapes = new double[settings.Scrapes];
        var body = 0L;
        var sampledPeak = (Kb: 0L, AfterScrape: 0);
        for (var i = 0; i < settings.Scrapes; i++)
        {
            (baseline[i], _) = await GetAsync(http, landing, cancellationToken).ConfigureAwait(false);
            (scrapes[i], body) = await GetAsync(http, metrics, cancellationToken).ConfigureAwait(false);

            // Outside the timed requests: where during the run the resident memory peaked.
            if (i % 10 == 9)
            {
                var rss = daemon.ReadStatusKb("VmRSS");
                if (rss > sampledPeak.Kb)
                {
                    sampledPeak = (rss, i + 1);
                }
            }
        }

        var rssAfter = daemon.ReadStatusKb("VmRSS");
        var rssPeak = daemon.ReadStatusKb("VmHWM");

        // Where the resident pages are: the GC heap and native allocations (anon), mapped framework and
        // native images (file, mostly shared clean pages), JIT code under W^X double mapping (shmem).
        var rssParts = (daemon.ReadStatusKb("RssAnon"), daemon.ReadStatusKb("RssFile"), daemon.ReadStatusKb("RssShmem"));
        var samples = await CountSamplesAsync(http, metrics, cancellationToken).ConfigureAwait(false);

        return new SoakResult(
            Latency.Of(baseline),
            Latency.Of(scrapes),
            body,
            samples,
            rssReady,
            rssBefore,
            rssAfter,
            rssPeak,
            sampledPeak,
            rssParts);
    }

    /// <summary>Wall time of one GET including reading the whole body, and the body's length.</summary>
    private static async Task<(double Ms, long Bytes)> GetAsync(HttpClient http, Uri uri, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new SoakException($"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        return (elapsed, content.LongLength);
    }

    private static async Task<int> CountSamplesAsync(HttpClient http, Uri metrics, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(metrics, cancellationToken).ConfigureAwait(false);
        return text.Split('\n').Count(line => line.Length > 0 && line[0] != '#');
    }

    private static int Report(SoakSettings settings, CollectorProcess daemon, string daemonDll, Dictionary<string, string?> environment, SoakResult r, string stop)
    {
        static string Ms(double value) => value.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(9);
        static string Ratio(double scrape, double baseline) =>
            (baseline > 0 ? (scrape / baseline).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "n/a").PadLeft(9);
        static string Mb(long kb) => (kb * 1024 / BytesPerMb).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

        var totalScrapes = 1 + settings.Warmup + settings.Scrapes;
        Console.WriteLine($"== odooperf soak: {settings.Scrapes} sequential scrapes of {daemon.BaseAddress}metrics over HTTP, Scrape:CacheTtl=0, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}");
        Console.WriteLine($"   daemon: dotnet {daemonDll} (pid {daemon.Pid}); {settings.Warmup} untimed warm-up pairs; baseline GET / interleaved with every scrape");
        Console.WriteLine($"   environment: {string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}"))}{(settings.UnitEnvironment ? $" (from {UnitEnvironment.UnitPath})" : " (--no-unit-env)")}");
        Console.WriteLine($"latency (ms)            {"mean",9}{"p50",9}{"p99",9}{"max",9}");
        Console.WriteLine($"baseline GET /          {Ms(r.Baseline.Mean)}{Ms(r.Baseline.P50)}{Ms(r.Baseline.P99)}{Ms(r.Baseline.Max)}");
        Console.WriteLine($"full scrape /metrics    {Ms(r.Scrape.Mean)}{Ms(r.Scrape.P50)}{Ms(r.Scrape.P99)}{Ms(r.Scrape.Max)}");
        Console.WriteLine($"ratio scrape/baseline   {Ratio(r.Scrape.Mean, r.Baseline.Mean)}{Ratio(r.Scrape.P50, r.Baseline.P50)}{Ratio(r.Scrape.P99, r.Baseline.P99)}{Ratio(r.Scrape.Max, r.Baseline.Max)}");
        Console.WriteLine($"scrape body             {r.ScrapeBytes} bytes, {r.Samples} samples");
        Console.WriteLine($"daemon VmRSS            ready (1 scrape) {Mb(r.RssReadyKb)}; after warm-up {Mb(r.RssBeforeKb)}; after {totalScrapes} scrapes {Mb(r.RssAfterKb)} ({(double)r.RssAfterKb / r.RssReadyKb:0.00}x ready); peak VmHWM {Mb(r.RssPeakKb)}");
        Console.WriteLine($"  sampled every 10      highest {Mb(r.RssSampledPeak.Kb)} after timed scrape {r.RssSampledPeak.AfterScrape}");
        Console.WriteLine($"  of which, after       anon {Mb(r.RssAfterPartsKb.Anon)} (GC heap, native), file {Mb(r.RssAfterPartsKb.File)} (mapped assemblies, libraries), shmem {Mb(r.RssAfterPartsKb.Shmem)} (JIT code)");
        Console.WriteLine($"daemon stop             {stop}");

        var latencyOk = r.Scrape.P50 < ScrapeP50TargetMs;
        var rssOk = r.RssAfterKb * 1024 / BytesPerMb < RssTargetMb;
        Console.WriteLine($"target full scrape p50 < {ScrapeP50TargetMs} ms:       {r.Scrape.P50.ToString("0.000", CultureInfo.InvariantCulture)} ms ({r.Scrape.P50 / ScrapeP50TargetMs:P0} of target)  {(latencyOk ? "PASS" : "FAIL")}");
        Console.WriteLine($"target VmRSS after scrapes < {RssTargetMb} MB:  {Mb(r.RssAfterKb)} ({r.RssAfterKb * 1024 / BytesPerMb / RssTargetMb:P0} of target)  {(rssOk ? "PASS" : "FAIL")}");
        return latencyOk && rssOk ? 0 : 1;
    }

    private sealed record SoakResult(
        Latency Baseline,
        Latency Scrape,
        long ScrapeBytes,
        int Samples,
        long RssReadyKb,
        long RssBeforeKb,
        long RssAfterKb,
        long RssPeakKb,
        (long Kb, int AfterScrape) RssSampledPeak,
        (long Anon, long File, long Shmem) RssAfterPartsKb);
}

/// <summary>Summary of one series of request times, in milliseconds.</summary>
internal readonly record struct Latency(double Mean, double P50, double P99, double Max)
{
    public static Latency Of(double[] values)
    {
        var sorted = values.Order().ToArray();
        return new Latency(sorted.Average(), Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    // Nearest rank: an observed value, never an interpolation between two.
    private static double Percentile(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal sealed record SoakSettings(int Scrapes, int Warmup, TimeSpan Timeout, string? DaemonPath, bool UnitEnvironment)
{
    public static SoakSettings Parse(string[] args)
    {
        var scrapes = 1000;
        var warmup = 20;
        var timeout = TimeSpan.FromSeconds(300);
        string? daemon = null;
        var unitEnvironment = true;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--scrapes":
                    scrapes = PositiveInt(Value(), "--scrapes");
                    break;
                case "--warmup":
                    warmup = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : throw new FormatException("--warmup must be a whole number");
                    break;
                case "--timeout":
                    timeout = TimeSpan.FromSeconds(PositiveInt(Value(), "--timeout"));
                    break;
                case "--odooperf":
                    daemon = Path.GetFullPath(Value());
                    break;
                case "--no-unit-env":
                    unitEnvironment = false;
                    break;
                default:
                    throw new FormatException($"unknown argument '{args[i]}'");
            }
        }

        return new SoakSettings(scrapes, warmup, timeout, daemon, unitEnvironment);
    }

    private static int PositiveInt(string value, string name) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new FormatException($"{name} must be a positive whole number");
}

internal sealed class SoakException(string message) : Exception(message);

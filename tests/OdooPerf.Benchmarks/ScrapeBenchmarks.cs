using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using OdooPerf.Collector.Hosting;
using Prometheus;

namespace OdooPerf.Benchmarks;

/// <summary>
/// One full collector scrape, in process, against the cheapest thing any host collector must do: read the
/// /proc files the host sources read. The Ratio column (FullScrape / ReadProcFiles) is the figure to quote;
/// absolute times depend on the machine, the ratio much less.
/// </summary>
[MemoryDiagnoser]
public class ScrapeBenchmarks
{
    // The files StatSource, MeminfoSource, LoadavgSource, DiskstatsSource, NetdevSource, FilesystemSource
    // and PressureSource read on every refresh. Kept in step with src/OdooPerf.Collector/Host by hand.
    private static readonly string[] HostProcFiles =
    [
        "stat",
        "meminfo",
        "loadavg",
        "diskstats",
        "net/dev",
        "1/mounts",
        "pressure/cpu",
        "pressure/memory",
        "pressure/io",
    ];

    private string[] _procFiles = [];
    private CollectorRegistry _registry = null!;
    private MemoryStream _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A file this kernel lacks (no PSI, /proc/1/mounts hidden) is skipped here and, in the same way,
        // yields nothing in the collector: both sides keep measuring the same work.
        _procFiles = [.. HostProcFiles.Select(f => Path.Join("/proc", f)).Where(IsReadable)];

        var options = new CollectorOptions();
        // Zero TTL: every FullScrape really refreshes every source instead of serving the previous result.
        options.Scrape.CacheTtl = TimeSpan.Zero;
        _registry = new CollectorMetrics(options, NullLoggerFactory.Instance, "benchmark").Registry;

        // A scrape of this host is a few tens of kB; sized once so the stream's growth is not measured.
        _output = new MemoryStream(capacity: 256 * 1024);
    }

    /// <summary>The floor: the raw /proc reads, into strings, without parsing or serialising anything.</summary>
    [Benchmark(Baseline = true)]
    public long ReadProcFiles()
    {
        long characters = 0;
        foreach (var file in _procFiles)
        {
            // With the collector's own reader (pooled buffer, read to the end: procfs reports size 0).
            characters += OdooPerf.Collector.Host.ProcFs.ReadTextAt(file).Length;
        }

        return characters;
    }

    /// <summary>What GET /metrics does minus HTTP: refresh every source, then write the text format.</summary>
    [Benchmark]
    public async Task<long> FullScrape()
    {
        _output.SetLength(0);
        await _registry.CollectAndExportAsTextAsync(_output).ConfigureAwait(false);
        return _output.Length;
    }

    private static bool IsReadable(string path)
    {
        try
        {
            _ = File.ReadAllText(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

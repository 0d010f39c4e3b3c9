using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using OdooPerf.Collector.OdooLog.Report;
using OdooPerf.Testing;

namespace OdooPerf.Benchmarks;

/// <summary>
/// <c>log-report [--size-mb N] [--gzip] [--keep DIR]</c>: writes a synthetic Odoo log of N MB (default 1024)
/// into a temporary directory, then, in this process, reads it once counting newlines (the baseline: the
/// fastest any line-based reader can go) and runs the full report on it (parse, aggregate, render text,
/// JSON and HTML). Prints MB/s, lines/s, elapsed time, the ratio to the baseline, and memory: the peak
/// working set sampled during the report, against the working set before it. Target: 1 GB in under 10 s
/// on the project's 2-core machine, memory bounded. Exit code 0 target met, 1 missed, 2 failed to run.
/// </summary>
public static class LogReportCommand
{
    private const double TargetSecondsPerGb = 10;
    private const double Mb = 1_000_000;

    public static int Run(string[] args)
    {
        var sizeMb = 1024L;
        var gzip = false;
        string? keep = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--size-mb" when i + 1 < args.Length && long.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var size) && size > 0:
                    sizeMb = size;
                    i++;
                    break;
                case "--gzip":
                    gzip = true;
                    break;
                case "--keep" when i + 1 < args.Length:
                    keep = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"log-report: unexpected '{args[i]}'");
                    Console.Error.WriteLine("usage: log-report [--size-mb N] [--gzip] [--keep DIR]");
                    return 2;
            }
        }

        var directory = keep ?? Directory.CreateTempSubdirectory("odooperf-logreport-").FullName;
        Directory.CreateDirectory(directory);
        try
        {
            var path = Path.Join(directory, $"odoo-{sizeMb}mb.log");
            if (!File.Exists(path))
            {
                var generate = Stopwatch.StartNew();
                using (var file = File.Create(path))
                {
                    var log = new SyntheticOdooLog(seed: 7);
                    log.Write(file, sizeMb * 1_000_000, TimeSpan.FromHours(24));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {path} in {generate.Elapsed.TotalSeconds:0.0} s"));
            }

            if (gzip)
            {
                var compressed = path + ".gz";
                if (!File.Exists(compressed))
                {
                    using var source = File.OpenRead(path);
                    using var target = new GZipStream(File.Create(compressed), CompressionLevel.Fastest);
                    source.CopyTo(target);
                }

                path = compressed;
            }

            var bytes = new FileInfo(path).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input: {path} ({bytes / Mb:0} MB on disk), {Environment.ProcessorCount} cores, .NET {Environment.Version}"));

            // Warm up the JIT on a small log (odooperf itself compiles fully before running), then read the
            // big one once untimed so both timed runs find it in the page cache.
            var warmup = Path.Join(directory, "warmup.log");
            using (var file = File.Create(warmup))
            {
                new SyntheticOdooLog(seed: 1).Write(file, 5_000_000, TimeSpan.FromHours(1));
            }

            LogReportRunner.Run([warmup], new LogReportSettings(), "odooperf benchmark");
            var (lines, _) = CountNewlines(path);
            var (_, baseline) = CountNewlines(path);

            GC.Collect();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var workingSetBefore = process.WorkingSet64;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            using var sampler = new PeakSampler(process);
            var cpuBefore = process.TotalProcessorTime;
            var run = Stopwatch.StartNew();
            var result = LogReportRunner.Run([path], new LogReportSettings(), "odooperf benchmark");
            var read = run.Elapsed;
            var text = LogReportCommandRender(result.Report, LogReportFormat.Text);
            var json = LogReportCommandRender(result.Report, LogReportFormat.Json);
            var html = LogReportCommandRender(result.Report, LogReportFormat.Html);
            var elapsed = run.Elapsed;
            var peak = sampler.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

            var uncompressed = result.Report.Inputs.Sum(i => i.Bytes);
            var seconds = elapsed.TotalSeconds;
            Console.WriteLine();
            Console.WriteLine("| | elapsed | MB/s | lines/s | vs baseline |");
            Console.WriteLine("|---|---|---|---|---|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| baseline: read and count newlines | {baseline.TotalSeconds:0.00} s | {uncompressed / Mb / baseline.TotalSeconds:0} | {lines / baseline.TotalSeconds:N0} | 1.0x |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| report: read, parse, aggregate | {read.TotalSeconds:0.00} s | {uncompressed / Mb / read.TotalSeconds:0} | {result.Report.Totals.Lines / read.TotalSeconds:N0} | {read / baseline:0.0}x |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| report + text, JSON, HTML | {seconds:0.00} s | {uncompressed / Mb / seconds:0} | {result.Report.Totals.Lines / seconds:N0} | {elapsed / baseline:0.0}x |"));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lines {result.Report.Totals.Lines:N0} (newlines counted {lines:N0}), requests {result.Report.Totals.Requests:N0}, entries {result.Report.Totals.Entries:N0}, unparsed {result.Report.Totals.UnparsedLines:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reports: text {text / 1024.0:0} KiB, JSON {json / 1024.0:0} KiB, HTML {html / 1024.0:0} KiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU time of the report: {cpu.TotalSeconds:0.00} s for {elapsed.TotalSeconds:0.00} s elapsed (on a busy machine elapsed time grows, CPU time much less); load average {LoadAverage()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory: working set {workingSetBefore / Mb:0} MB before, peak {peak / Mb:0} MB during the report (+{(peak - workingSetBefore) / Mb:0} MB); {allocated / Mb:0} MB allocated in total"));

            var perGb = seconds / (uncompressed / 1e9);
            var met = perGb < TargetSecondsPerGb;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target: under {TargetSecondsPerGb} s per GB: {perGb:0.00} s per GB, {(met ? "met" : "MISSED")}"));
            return met ? 0 : 1;
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static int LogReportCommandRender(LogReport report, LogReportFormat format) =>
        Collector.OdooLog.Report.LogReportCommand.Render(report, format).Length;

    /// <summary>The baseline: the same large-block reads as the report, counting newlines only.</summary>
    private static (long Lines, TimeSpan Elapsed) CountNewlines(string path)
    {
        var watch = Stopwatch.StartNew();
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal)
            ? (Stream)new GZipStream(File.OpenRead(path), CompressionMode.Decompress)
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[LogLineSplitterBufferBytes];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return (lines, watch.Elapsed);
    }

    private const int LogLineSplitterBufferBytes = 4 << 20;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Samples the working set every 20 ms on a thread of its own; the peak is what the report cost.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Process _process;
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public PeakSampler(Process process)
        {
            _process = process;
            _thread = new Thread(Sample) { IsBackground = true };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return _peak;
        }

        public void Dispose()
        {
            if (!_stop)
            {
                Stop();
            }
        }

        private void Sample()
        {
            while (!_stop)
            {
                _process.Refresh();
                _peak = Math.Max(_peak, _process.WorkingSet64);
                Thread.Sleep(20);
            }
        }
    }
}

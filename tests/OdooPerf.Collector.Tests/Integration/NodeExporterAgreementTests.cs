using System.Diagnostics;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Integration;

/// <summary>
/// The host families against the real node_exporter on the same machine, scraped at the same moment:
/// same label sets, same types, same values where they do not move.
/// </summary>
public sealed class NodeExporterAgreementTests : IAsyncLifetime
{
    // Debian patches node_exporter's defaults (it drops lo, /run, /mnt and /media); these are upstream's,
    // which OdooPerf follows.
    private static readonly string[] UpstreamDefaults =
    [
        "--collector.disable-defaults",
        "--collector.cpu", "--collector.stat", "--collector.loadavg", "--collector.meminfo", "--collector.filesystem",
        "--collector.diskstats", "--collector.netdev", "--collector.pressure", "--collector.time", "--collector.vmstat",
        "--collector.netdev.device-exclude=^$",
        "--collector.filesystem.mount-points-exclude=^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)",
        "--collector.diskstats.device-exclude=^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$",
    ];

    private Process? _nodeExporter;
    private CollectorProcess? _collector;
    private PrometheusText _theirs = null!;
    private PrometheusText _ours = null!;

    public async Task InitializeAsync()
    {
        var binary = ExternalTool.Require(ExternalTool.NodeExporter);
        var port = FreePort.Next();
        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        foreach (var argument in UpstreamDefaults)
        {
            start.ArgumentList.Add(argument);
        }

        _nodeExporter = Process.Start(start)!;
        _nodeExporter.BeginErrorReadLine();
        _nodeExporter.BeginOutputReadLine();
        _collector = await CollectorProcess.StartAsync();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var theirs = await RetryAsync(() => client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics")));
        var ours = _collector.ScrapeTextAsync();
        _theirs = PrometheusText.Parse(theirs);
        _ours = PrometheusText.Parse(await ours);
    }

    public async Task DisposeAsync()
    {
        if (_nodeExporter is { HasExited: false })
        {
            _nodeExporter.Kill();
            await _nodeExporter.WaitForExitAsync();
        }

        _nodeExporter?.Dispose();
        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }
    }

    [Fact]
    public void MemTotal_is_equal() =>
        Assert.Equal(_theirs.Value("node_memory_MemTotal_bytes"), _ours.Value("node_memory_MemTotal_bytes"));

    [Fact]
    public void Every_meminfo_field_is_exported_under_the_same_name()
    {
        var theirs = _theirs.Samples.Select(s => s.Name).Where(n => n.StartsWith("node_memory_", StringComparison.Ordinal)).ToHashSet();
        var ours = _ours.Samples.Select(s => s.Name).Where(n => n.StartsWith("node_memory_", StringComparison.Ordinal)).ToHashSet();

        Assert.Equal(theirs.Order(), ours.Order());
    }

    [Fact]
    public void The_same_vmstat_fields_are_exported()
    {
        var theirs = _theirs.Types.Keys.Where(n => n.StartsWith("node_vmstat_", StringComparison.Ordinal)).Order();
        var ours = _ours.Types.Keys.Where(n => n.StartsWith("node_vmstat_", StringComparison.Ordinal)).Order();

        Assert.NotEmpty(ours);
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void Cpu_seconds_summed_over_modes_are_within_2_percent()
    {
        var theirs = _theirs.Family("node_cpu_seconds_total").Sum(s => s.Value);
        var ours = _ours.Family("node_cpu_seconds_total").Sum(s => s.Value);

        Assert.InRange(ours, theirs * 0.98, theirs * 1.02);
    }

    [Fact]
    public void Boot_time_is_equal() =>
        Assert.Equal(_theirs.Value("node_boot_time_seconds"), _ours.Value("node_boot_time_seconds"));

    [Theory]
    [InlineData("node_cpu_seconds_total")]
    [InlineData("node_filesystem_size_bytes")]
    [InlineData("node_filesystem_avail_bytes")]
    [InlineData("node_filesystem_files")]
    [InlineData("node_disk_reads_completed_total")]
    [InlineData("node_disk_io_time_seconds_total")]
    [InlineData("node_network_receive_bytes_total")]
    [InlineData("node_network_transmit_errs_total")]
    public void Label_sets_are_the_same(string family)
    {
        static string Key(Sample s) => string.Join(',', s.Labels.OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}"));

        Assert.Equal(_theirs.Family(family).Select(Key).Order(), _ours.Family(family).Select(Key).Order());
    }

    [Fact]
    public void File_system_sizes_and_inodes_are_equal()
    {
        foreach (var family in new[] { "node_filesystem_size_bytes", "node_filesystem_files" })
        {
            foreach (var theirs in _theirs.Family(family))
            {
                Assert.Equal(theirs.Value, _ours.Value(family, ("mountpoint", theirs.Label("mountpoint")), ("device", theirs.Label("device"))));
            }
        }
    }

    [Fact]
    public void Families_exported_by_both_have_the_same_type()
    {
        // node_exporter writes vmstat fields untyped, which prometheus-net cannot: ours are gauges.
        var shared = _ours.Types.Keys.Where(name => name.StartsWith("node_", StringComparison.Ordinal) && _theirs.Types.ContainsKey(name) && _theirs.Types[name] != "untyped").ToList();

        Assert.NotEmpty(shared);
        Assert.All(shared, name => Assert.Equal($"{name} {_theirs.Types[name]}", $"{name} {_ours.Types[name]}"));
    }

    private static async Task<string> RetryAsync(Func<Task<string>> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}

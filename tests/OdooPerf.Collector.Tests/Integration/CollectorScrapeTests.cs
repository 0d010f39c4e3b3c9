using System.Globalization;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Integration;

/// <summary>The real daemon on a free port, scraped over HTTP: the families of the metric contract, with values checked against /proc.</summary>
public sealed class CollectorScrapeTests : IAsyncLifetime
{
    public static readonly string[] HostFamilies =
    [
        "node_cpu_seconds_total", "node_load1", "node_load5", "node_load15",
        "node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes", "node_memory_MemFree_bytes", "node_memory_Buffers_bytes",
        "node_memory_Cached_bytes", "node_memory_SwapTotal_bytes", "node_memory_SwapFree_bytes",
        "node_filesystem_size_bytes", "node_filesystem_avail_bytes", "node_filesystem_free_bytes", "node_filesystem_files", "node_filesystem_files_free",
        "node_disk_reads_completed_total", "node_disk_writes_completed_total", "node_disk_read_bytes_total", "node_disk_written_bytes_total", "node_disk_io_time_seconds_total",
        "node_network_receive_bytes_total", "node_network_transmit_bytes_total", "node_network_receive_errs_total", "node_network_transmit_errs_total",
        "node_boot_time_seconds", "node_time_seconds",
    ];

    private CollectorProcess _collector = null!;
    private PrometheusText _scrape = null!;
    private string _contentType = string.Empty;

    public async Task InitializeAsync()
    {
        _collector = await CollectorProcess.StartAsync();
        using var client = new HttpClient { BaseAddress = _collector.BaseAddress };
        using var response = await client.GetAsync(new Uri("metrics", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        _contentType = response.Content.Headers.ContentType?.ToString() ?? string.Empty;
        _scrape = PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync() => await _collector.DisposeAsync();

    [Fact]
    public void Serves_the_prometheus_text_format() => Assert.StartsWith("text/plain; version=0.0.4", _contentType, StringComparison.Ordinal);

    [Fact]
    public void Serves_every_host_family()
    {
        var missing = HostFamilies.Where(f => !_scrape.HasSamples(f)).ToList();
        Assert.True(missing.Count == 0, $"families without samples: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Counters_and_gauges_have_node_exporters_types()
    {
        Assert.Equal("counter", _scrape.Types["node_cpu_seconds_total"]);
        Assert.Equal("counter", _scrape.Types["node_network_receive_bytes_total"]);
        Assert.Equal("gauge", _scrape.Types["node_memory_MemTotal_bytes"]);
        Assert.Equal("gauge", _scrape.Types["node_filesystem_avail_bytes"]);
        Assert.Equal("gauge", _scrape.Types["node_load1"]);
    }

    [Fact]
    public void Pressure_families_are_served_when_the_kernel_has_psi()
    {
        var hasPsi = File.Exists("/proc/pressure/cpu");
        Assert.Equal(hasPsi, _scrape.HasSamples("node_pressure_cpu_waiting_seconds_total"));
        Assert.Equal(hasPsi, _scrape.HasSamples("node_pressure_memory_waiting_seconds_total"));
        Assert.Equal(hasPsi, _scrape.HasSamples("node_pressure_io_waiting_seconds_total"));
    }

    [Fact]
    public void MemTotal_is_meminfos_value_in_bytes()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kib = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

        Assert.Equal(kib * 1024, _scrape.Value("node_memory_MemTotal_bytes"));
    }

    [Fact]
    public void Every_cpu_has_every_mode()
    {
        var cpus = File.ReadLines("/proc/stat").Count(l => l.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(l[3]));
        var series = _scrape.Family("node_cpu_seconds_total").ToList();

        Assert.Equal(cpus, series.Select(s => s.Label("cpu")).Distinct().Count());
        Assert.Equal(["idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"], series.Select(s => s.Label("mode")).Distinct().Order());
    }

    [Fact]
    public void The_root_filesystem_is_reported_with_node_exporters_labels()
    {
        var root = Assert.Single(_scrape.Family("node_filesystem_size_bytes"), s => s.Label("mountpoint") == "/");

        Assert.NotEmpty(root.Label("device"));
        Assert.NotEmpty(root.Label("fstype"));
        Assert.True(root.Value > 0);
        Assert.DoesNotContain(_scrape.Family("node_filesystem_size_bytes"), s => s.Label("mountpoint").StartsWith("/proc", StringComparison.Ordinal) || s.Label("fstype") is "sysfs" or "proc" or "cgroup2");
    }

    [Fact]
    public void Self_observation_reports_build_and_every_source_up()
    {
        Assert.Equal(1, Assert.Single(_scrape.Family("odooperf_build_info")).Value);
        var sources = _scrape.Family("odooperf_source_up").ToDictionary(s => s.Label("source"), s => s.Value);

        Assert.Equal(["diskstats", "filesystem", "loadavg", "meminfo", "netdev", "odoo_processes", "pressure", "stat", "time", "vmstat"], sources.Keys.Order());
        Assert.All(sources, s => Assert.Equal(1, s.Value));
        Assert.True(_scrape.HasSamples("odooperf_source_scrape_duration_seconds"));
        Assert.True(_scrape.HasSamples("process_cpu_seconds_total"));
    }

    [Fact]
    public void Odoo_worker_counts_are_published_for_every_role()
    {
        var roles = _scrape.Family("odoo_workers").Select(s => s.Label("role")).Order();

        Assert.Equal(["cron", "gevent", "http", "main", "worker"], roles);
    }
}

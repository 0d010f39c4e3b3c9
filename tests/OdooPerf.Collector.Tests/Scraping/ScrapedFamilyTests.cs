using OdooPerf.Collector.Scraping;
using Prometheus;
using Xunit;

namespace OdooPerf.Collector.Tests.Scraping;

public sealed class ScrapedFamilyTests
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly IMetricFactory _factory;

    public ScrapedFamilyTests() => _factory = Metrics.WithCustomRegistry(_registry);

    [Fact]
    public async Task A_label_set_not_seen_in_a_refresh_is_removed()
    {
        var gauge = new ScrapedGauge(_factory, new CardinalityGuard(_factory), "test_mount_bytes", "help", "mountpoint");

        gauge.BeginUpdate();
        gauge.Set(1, "/");
        gauge.Set(2, "/var/lib/postgresql");
        gauge.EndUpdate();
        gauge.BeginUpdate();
        gauge.Set(3, "/");
        gauge.EndUpdate();

        var sample = Assert.Single((await Exposition.CollectAsync(_registry)).Family("test_mount_bytes"));
        Assert.Equal("/", sample.Label("mountpoint"));
        Assert.Equal(3, sample.Value);
    }

    [Fact]
    public async Task A_counter_that_goes_backwards_is_reset_not_frozen()
    {
        var counter = new ScrapedCounter(_factory, new CardinalityGuard(_factory), "test_bytes_total", "help", "device");

        counter.BeginUpdate();
        counter.Set(1000, "eth0");
        counter.EndUpdate();
        counter.BeginUpdate();
        counter.Set(10, "eth0"); // the interface was re-created
        counter.EndUpdate();

        Assert.Equal(10, (await Exposition.CollectAsync(_registry)).Value("test_bytes_total", ("device", "eth0")));
    }

    [Fact]
    public async Task The_guard_drops_label_sets_past_the_limit_and_counts_them()
    {
        var guard = new CardinalityGuard(_factory, maxSeriesPerMetric: 2);
        var gauge = new ScrapedGauge(_factory, guard, "test_device_value", "help", "device");

        gauge.BeginUpdate();
        foreach (var device in new[] { "eth0", "eth1", "veth1", "veth2" })
        {
            gauge.Set(1, device);
        }

        gauge.EndUpdate();

        var scrape = await Exposition.CollectAsync(_registry);
        Assert.Equal(["eth0", "eth1"], scrape.Family("test_device_value").Select(s => s.Label("device")).Order());
        Assert.Equal(2, scrape.Value("odooperf_series_dropped_total", ("metric", "test_device_value")));
    }

    [Fact]
    public async Task A_removed_label_set_frees_its_place_under_the_limit()
    {
        var guard = new CardinalityGuard(_factory, maxSeriesPerMetric: 1);
        var gauge = new ScrapedGauge(_factory, guard, "test_slot_value", "help", "name");

        gauge.BeginUpdate();
        gauge.Set(1, "old");
        gauge.EndUpdate();
        gauge.BeginUpdate();
        gauge.EndUpdate();
        gauge.BeginUpdate();
        gauge.Set(2, "new");
        gauge.EndUpdate();

        var sample = Assert.Single((await Exposition.CollectAsync(_registry)).Family("test_slot_value"));
        Assert.Equal("new", sample.Label("name"));
        Assert.Equal(0, guard.DroppedCount("test_slot_value"));
    }

    [Fact]
    public async Task Clear_removes_every_series_including_the_unlabelled_one()
    {
        var gauge = new ScrapedGauge(_factory, new CardinalityGuard(_factory), "test_load", "help");
        gauge.BeginUpdate();
        gauge.Set(0.5);
        gauge.EndUpdate();

        gauge.Clear();

        Assert.False((await Exposition.CollectAsync(_registry)).HasSamples("test_load"));
    }
}

using OdooPerf.Collector.OdooLog;
using OdooPerf.Collector.Scraping;
using OdooPerf.Collector.Tests.Scraping;
using Prometheus;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog;

public sealed class GuardedChildrenTests
{
    [Fact]
    public async Task Label_sets_past_the_guard_limit_go_to_the_all_other_series_and_are_counted()
    {
        var registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(registry);
        var guard = new CardinalityGuard(factory, maxSeriesPerMetric: 2);
        var counter = factory.CreateCounter("requests_total", "test", new CounterConfiguration { LabelNames = ["route", "model"] });
        var children = new GuardedChildren<Counter.Child>("requests_total", 2, labels => counter.WithLabels(labels), guard);

        children.Get("read", "a").Inc();
        children.Get("read", "b").Inc();
        children.Get("read", "c").Inc();
        children.Get("read", "d").Inc();
        children.Get("read", "a").Inc();

        var text = await Exposition.CollectAsync(registry);
        Assert.Equal(2, text.Value("requests_total", ("route", "read"), ("model", "a")));
        Assert.Equal(1, text.Value("requests_total", ("route", "read"), ("model", "b")));
        Assert.Equal(2, text.Value("requests_total", ("route", "other"), ("model", "other")));
        Assert.Equal(2, guard.DroppedCount("requests_total"));
    }
}

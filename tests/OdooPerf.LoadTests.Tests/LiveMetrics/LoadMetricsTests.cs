using OdooPerf.Load.LiveMetrics;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.LoadTests.Tests.LiveMetrics;

/// <summary>The engine's live metrics on their own: per-request recording, the label cap, the exposition.</summary>
public sealed class LoadMetricsTests
{
    [Fact]
    public async Task Recorded_requests_reach_the_counter_and_the_histogram_in_seconds()
    {
        var metrics = new LoadMetrics(new ExecutionSegment(2, 3));
        var step = metrics.ForStep("browse", "open_form");

        step.Recorded(250_000, failureReason: null);
        step.Recorded(2_500_000, failureReason: null);
        step.Recorded(9_000_000, failureReason: "timeout");
        var scrape = await ScrapeAsync(metrics);

        Assert.Equal(2, scrape.Value(LoadMetricNames.Requests, ("scenario", "browse"), ("step", "open_form"), ("outcome", "ok")));
        Assert.Equal(1, scrape.Value(LoadMetricNames.Requests, ("scenario", "browse"), ("step", "open_form"), ("outcome", "failed")));
        Assert.Equal(1, scrape.Value(LoadMetricNames.RequestFailures, ("scenario", "browse"), ("step", "open_form"), ("reason", "timeout")));
        Assert.Equal(11.75, scrape.Value(LoadMetricNames.RequestDuration + "_sum", ("scenario", "browse"), ("step", "open_form")), 6);
        Assert.Equal(1, scrape.Value(LoadMetricNames.RequestDuration + "_bucket", ("scenario", "browse"), ("step", "open_form"), ("le", "0.25")));
        Assert.Equal(2, scrape.Value(LoadMetricNames.RequestDuration + "_bucket", ("scenario", "browse"), ("step", "open_form"), ("le", "3")));
        Assert.Equal(2, scrape.Value(LoadMetricNames.RequestDuration + "_bucket", ("scenario", "browse"), ("step", "open_form"), ("le", "8")));
        Assert.Equal(1, scrape.Value(LoadMetricNames.RunInfo, ("segment", "2/3")));
    }

    [Fact]
    public void Recording_a_request_allocates_nothing()
    {
        var metrics = new LoadMetrics(ExecutionSegment.Whole);
        var step = metrics.ForStep("http", "get");
        step.Recorded(1_000, failureReason: null);
        step.Recorded(1_000, failureReason: "http_500");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            step.Recorded(i * 37, i % 10 != 0 ? null : "http_500");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Steps_beyond_the_cap_share_one_overflow_label_set()
    {
        var metrics = new LoadMetrics(ExecutionSegment.Whole);
        for (var i = 0; i < LoadMetrics.MaxSteps + 50; i++)
        {
            metrics.ForStep("generated", $"step_{i}").Recorded(1_000, failureReason: null);
        }

        var scrape = await ScrapeAsync(metrics);
        var steps = scrape.Family(LoadMetricNames.Requests).Select(s => s.Label("step")).Distinct().ToArray();

        Assert.Equal(LoadMetrics.MaxSteps + 1, steps.Length);
        Assert.Equal(50, scrape.Value(LoadMetricNames.Requests, ("step", LoadMetrics.OverflowStep), ("outcome", "ok")));
        Assert.Same(metrics.ForStep("generated", "step_0"), metrics.ForStep("generated", "step_0"));
    }

    private static async Task<PrometheusText> ScrapeAsync(LoadMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        return PrometheusText.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}

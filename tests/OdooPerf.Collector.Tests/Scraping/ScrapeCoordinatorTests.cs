using OdooPerf.Testing;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OdooPerf.Collector.Scraping;
using Prometheus;
using Xunit;

namespace OdooPerf.Collector.Tests.Scraping;

public sealed class ScrapeCoordinatorTests
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly IMetricFactory _factory;
    private readonly CardinalityGuard _guard;

    public ScrapeCoordinatorTests()
    {
        _factory = Metrics.WithCustomRegistry(_registry);
        _guard = new CardinalityGuard(_factory);
    }

    [Fact]
    public async Task Refreshes_all_sources_in_parallel()
    {
        // Each source waits for the other to have started: only a parallel refresh completes.
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Source("a", _ => { aStarted.SetResult(); return bStarted.Task; });
        var b = Source("b", _ => { bStarted.SetResult(); return aStarted.Task; });
        Coordinate(options: new ScrapeOptions { SourceTimeout = TimeSpan.FromSeconds(10) }, a, b);

        var scrape = await Exposition.CollectAsync(_registry);

        Assert.Equal(1, scrape.Value("odooperf_source_up", ("source", "a")));
        Assert.Equal(1, scrape.Value("odooperf_source_up", ("source", "b")));
    }

    [Fact]
    public async Task A_failing_source_is_down_and_the_scrape_still_succeeds()
    {
        var broken = Source("broken", _ => throw new InvalidOperationException("database unreachable"));
        var healthy = Source("healthy");
        Coordinate(options: null, broken, healthy);

        var scrape = await Exposition.CollectAsync(_registry);

        Assert.Equal(0, scrape.Value("odooperf_source_up", ("source", "broken")));
        Assert.Equal(1, scrape.Value("odooperf_source_up", ("source", "healthy")));
        Assert.True(scrape.HasSamples("test_healthy_value"));
        Assert.False(scrape.HasSamples("test_broken_value"));
        Assert.True(scrape.Value("odooperf_source_scrape_duration_seconds", ("source", "healthy")) >= 0);
    }

    [Fact]
    public async Task A_source_past_its_deadline_is_down_not_restarted_while_running_and_cleared_when_it_ends()
    {
        var release = new TaskCompletionSource();
        var hung = Source("hung", _ => release.Task); // ignores its cancellation token, like a hung syscall
        var coordinator = Coordinate(new ScrapeOptions { SourceTimeout = TimeSpan.FromMilliseconds(200), CacheTtl = TimeSpan.Zero }, hung);

        var first = await Exposition.CollectAsync(_registry);
        var second = await Exposition.CollectAsync(_registry);

        Assert.Equal(0, first.Value("odooperf_source_up", ("source", "hung")));
        Assert.Equal(0, second.Value("odooperf_source_up", ("source", "hung")));
        Assert.Equal(1, hung.Refreshes);

        // Once the hung call returns, its stale series are cleared and the next scrape refreshes again.
        release.SetResult();
        await WaitUntilAsync(async () =>
        {
            await coordinator.RefreshAsync(CancellationToken.None);
            return hung.Refreshes == 2;
        });
        Assert.Equal(1, hung.Clears);
        Assert.Equal(1, (await Exposition.CollectAsync(_registry)).Value("odooperf_source_up", ("source", "hung")));
    }

    [Fact]
    public async Task Results_younger_than_the_ttl_are_reused()
    {
        var clock = new ManualClock();
        var source = Source("cached");
        var coordinator = Coordinate(new ScrapeOptions { CacheTtl = TimeSpan.FromSeconds(1) }, clock, source);

        await coordinator.RefreshAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await coordinator.RefreshAsync(CancellationToken.None);
        Assert.Equal(1, source.Refreshes);

        clock.Advance(TimeSpan.FromMilliseconds(600));
        await coordinator.RefreshAsync(CancellationToken.None);
        Assert.Equal(2, source.Refreshes);
    }

    [Fact]
    public async Task Concurrent_scrapes_share_one_refresh()
    {
        var gate = new TaskCompletionSource();
        var source = Source("shared", _ => gate.Task);
        var coordinator = Coordinate(new ScrapeOptions { CacheTtl = TimeSpan.Zero, SourceTimeout = TimeSpan.FromSeconds(10) }, source);

        var scrapes = Enumerable.Range(0, 5).Select(_ => coordinator.RefreshAsync(CancellationToken.None)).ToList();
        gate.SetResult();
        await Task.WhenAll(scrapes);

        Assert.Equal(1, source.Refreshes);
    }

    [Fact]
    public async Task Each_source_refresh_is_a_child_span_of_the_scrape()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ScrapeTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var coordinator = Coordinate(new ScrapeOptions { CacheTtl = TimeSpan.Zero }, Source("one"), Source("two"));

        using (var scrape = ScrapeTracing.Source.StartActivity("scrape"))
        {
            await coordinator.RefreshAsync(CancellationToken.None);
        }

        var root = Assert.Single(spans, s => s.DisplayName == "scrape");
        var children = spans.Where(s => s.ParentSpanId == root.SpanId).Select(s => s.DisplayName).Order().ToList();
        Assert.Equal(["refresh one", "refresh two"], children);
    }

    private ScriptedSource Source(string name, Func<CancellationToken, Task>? refresh = null) => new(name, _factory, _guard, refresh);

    private ScrapeCoordinator Coordinate(ScrapeOptions? options, params IMetricSource[] sources) =>
        Coordinate(options, TimeProvider.System, sources);

    private ScrapeCoordinator Coordinate(ScrapeOptions? options, TimeProvider clock, params IMetricSource[] sources)
    {
        var coordinator = new ScrapeCoordinator(sources, _factory, options ?? new ScrapeOptions(), NullLogger<ScrapeCoordinator>.Instance, clock);
        coordinator.AttachTo(_registry);
        return coordinator;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "condition not reached within 10 s");
            await Task.Delay(20);
        }
    }
}

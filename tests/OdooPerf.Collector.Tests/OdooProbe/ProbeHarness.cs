using OdooPerf.Collector.OdooProbe;
using OdooPerf.Collector.Scraping;
using OdooPerf.Collector.Tests.Scraping;
using OdooPerf.Testing;
using Prometheus;

namespace OdooPerf.Collector.Tests.OdooProbe;

/// <summary>An <see cref="OdooProbeSource"/> on a registry of its own, refreshed and read back as Prometheus would.</summary>
internal sealed class ProbeHarness : IDisposable
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();

    public ProbeHarness(string url, Action<OdooProbeOptions>? configure = null, TimeProvider? time = null)
    {
        Options = new OdooProbeOptions { Url = url, Timeout = TimeSpan.FromSeconds(4) };
        configure?.Invoke(Options);
        var factory = Metrics.WithCustomRegistry(_registry);
        Source = new OdooProbeSource(Options, factory, new CardinalityGuard(factory), Logger, "0.1.0-test", time: time);
    }

    public OdooProbeOptions Options { get; }

    public RecordingLogger<OdooProbeSource> Logger { get; } = new();

    public OdooProbeSource Source { get; }

    /// <summary>Refreshes once and returns the exposition.</summary>
    public async Task<PrometheusText> RefreshAsync()
    {
        await Source.RefreshAsync(CancellationToken.None);
        return await ScrapeAsync();
    }

    public Task<PrometheusText> ScrapeAsync() => Exposition.CollectAsync(_registry);

    public Task<string> ScrapeTextAsync() => Exposition.CollectTextAsync(_registry);

    public void Dispose() => Source.Dispose();
}

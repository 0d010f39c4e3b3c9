using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Host;

/// <summary><c>node_time_seconds</c>: the host's clock, so that Prometheus can alert on clock skew.</summary>
public sealed class TimeSource(IMetricFactory factory, CardinalityGuard guard, TimeProvider? time = null) : IMetricSource
{
    private readonly ScrapedGauge _now = new(factory, guard, "node_time_seconds", "System time in seconds since epoch (1970).");
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Name => "time";

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        _now.BeginUpdate();
        _now.Set(_time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
        _now.EndUpdate();
        return Task.CompletedTask;
    }

    public void Clear() => _now.Clear();
}

using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Tests.Scraping;

/// <summary>A source whose refresh is whatever the test says, publishing one gauge named after it.</summary>
internal sealed class ScriptedSource : IMetricSource
{
    private readonly Func<CancellationToken, Task> _refresh;
    private readonly ScrapedGauge _value;
    private int _refreshes;
    private int _clears;

    public ScriptedSource(string name, IMetricFactory factory, CardinalityGuard guard, Func<CancellationToken, Task>? refresh = null)
    {
        Name = name;
        _refresh = refresh ?? (_ => Task.CompletedTask);
        _value = new ScrapedGauge(factory, guard, $"test_{name}_value", "A value for the test.");
    }

    public string Name { get; }

    public int Refreshes => Volatile.Read(ref _refreshes);

    public int Clears => Volatile.Read(ref _clears);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refreshes);
        await _refresh(cancellationToken);
        _value.BeginUpdate();
        _value.Set(Refreshes);
        _value.EndUpdate();
    }

    public void Clear()
    {
        Interlocked.Increment(ref _clears);
        _value.Clear();
    }
}

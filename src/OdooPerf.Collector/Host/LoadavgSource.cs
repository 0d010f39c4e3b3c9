using System.Globalization;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Host;

/// <summary>/proc/loadavg: <c>node_load1</c>, <c>node_load5</c>, <c>node_load15</c> (node_exporter's loadavg collector).</summary>
public sealed class LoadavgSource : IMetricSource
{
    private readonly ProcFs _proc;
    private readonly ScrapedFamilySet _families = new();
    private readonly ScrapedGauge[] _loads;

    public LoadavgSource(ProcFs proc, IMetricFactory factory, CardinalityGuard guard)
    {
        _proc = proc;
        _loads =
        [
            _families.Add(new ScrapedGauge(factory, guard, "node_load1", "1m load average.")),
            _families.Add(new ScrapedGauge(factory, guard, "node_load5", "5m load average.")),
            _families.Add(new ScrapedGauge(factory, guard, "node_load15", "15m load average.")),
        ];
    }

    public string Name => "loadavg";

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        var loads = Parse(_proc.ReadText("loadavg"));
        _families.BeginUpdate();
        for (var i = 0; i < _loads.Length; i++)
        {
            _loads[i].Set(loads[i]);
        }

        _families.EndUpdate();
        return Task.CompletedTask;
    }

    public void Clear() => _families.Clear();

    /// <summary>The 1, 5 and 15 minute load averages of a /proc/loadavg text.</summary>
    public static double[] Parse(string text)
    {
        Span<Range> fields = stackalloc Range[3];
        var line = text.AsSpan().Trim();
        if (LineFields.Split(line, fields) < 3)
        {
            throw new FormatException($"/proc/loadavg has fewer than three fields: '{text.Trim()}'");
        }

        var loads = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(line[fields[i]], NumberStyles.Float, CultureInfo.InvariantCulture, out loads[i]))
            {
                throw new FormatException($"/proc/loadavg field {i + 1} is not a number: '{line[fields[i]]}'");
            }
        }

        return loads;
    }
}

using System.Globalization;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Host;

/// <summary>
/// /proc/vmstat: the fields node_exporter's vmstat collector publishes by default (<c>oom_kill</c>,
/// <c>pgpg*</c>, <c>pswp*</c>, <c>pg*fault</c>) as <c>node_vmstat_FIELD</c>. They are what tells swap
/// activity (pages swapped in and out per second) from a full but quiet swap, and counts the OOM killer.
/// node_exporter writes them untyped; prometheus-net cannot, so they are gauges of the same name (the
/// kernel counts up, <c>rate()</c> works on them as on node_exporter's).
/// </summary>
public sealed class VmstatSource : IMetricSource
{
    private readonly ProcFs _proc;
    private readonly IMetricFactory _factory;
    private readonly CardinalityGuard _guard;
    private readonly ScrapedFamilySet _families = new();
    private readonly Dictionary<string, ScrapedGauge> _byField = new(StringComparer.Ordinal);

    public VmstatSource(ProcFs proc, IMetricFactory factory, CardinalityGuard guard)
    {
        _proc = proc;
        _factory = factory;
        _guard = guard;
    }

    public string Name => "vmstat";

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        var fields = Parse(_proc.ReadText("vmstat"));
        _families.BeginUpdate();
        foreach (var (field, value) in fields)
        {
            if (!_byField.TryGetValue(field, out var family))
            {
                family = _families.Add(new ScrapedGauge(_factory, _guard, $"node_vmstat_{field}", $"/proc/vmstat information field {field}."));
                family.BeginUpdate();
                _byField.Add(field, family);
            }

            family.Set(value);
        }

        _families.EndUpdate();
        return Task.CompletedTask;
    }

    public void Clear() => _families.Clear();

    /// <summary>
    /// node_exporter's default field filter, <c>^(oom_kill|pgpg|pswp|pg.*fault).*</c>: which kernel fields
    /// exist depends on the kernel version (oom_kill from 4.13), so the filter is by prefix, not a list.
    /// </summary>
    public static bool IsPublished(ReadOnlySpan<char> field) =>
        field.StartsWith("oom_kill") || field.StartsWith("pgpg") || field.StartsWith("pswp") ||
        (field.StartsWith("pg") && field[2..].Contains("fault", StringComparison.Ordinal));

    /// <summary>The published fields of a /proc/vmstat text ("name value" per line), in file order.</summary>
    public static List<(string Field, double Value)> Parse(string text)
    {
        var result = new List<(string, double)>(8);
        Span<Range> parts = stackalloc Range[3];
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (LineFields.Split(line, parts) != 2)
            {
                continue;
            }

            var field = line[parts[0]];
            if (IsPublished(field) && double.TryParse(line[parts[1]], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                result.Add((field.ToString(), value));
            }
        }

        if (result.Count == 0)
        {
            throw new FormatException("/proc/vmstat has none of the fields oom_kill, pgpg*, pswp*, pg*fault");
        }

        return result;
    }
}

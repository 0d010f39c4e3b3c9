using System.Collections.Concurrent;
using System.Globalization;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Host;

/// <summary>
/// /proc/meminfo: every field as <c>node_memory_FIELD_bytes</c>, named as node_exporter's meminfo
/// collector names them (<c>Active(anon)</c> becomes <c>Active_anon</c>; fields without a kB unit, such as
/// <c>HugePages_Total</c>, keep no <c>_bytes</c> suffix).
/// </summary>
public sealed class MeminfoSource : IMetricSource
{
    private readonly ProcFs _proc;
    private readonly IMetricFactory _factory;
    private readonly CardinalityGuard _guard;
    private readonly ScrapedFamilySet _families = new();

    // meminfo's field list depends on the kernel, so families are created as fields are first seen.
    private readonly Dictionary<string, ScrapedGauge> _byField = new(StringComparer.Ordinal);

    public MeminfoSource(ProcFs proc, IMetricFactory factory, CardinalityGuard guard)
    {
        _proc = proc;
        _factory = factory;
        _guard = guard;
    }

    // The kernel's field names, with their metric names, made once: meminfo has a fixed set of about 60
    // fields, and a scrape would otherwise build three strings per line. Looked up by span, so a known
    // field costs no allocation.
    private static readonly ConcurrentDictionary<string, MetricNames> NamesByField = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, MetricNames>.AlternateLookup<ReadOnlySpan<char>> NamesBySpan =
        NamesByField.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Name => "meminfo";

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        var fields = Parse(_proc.ReadText("meminfo"));
        _families.BeginUpdate();
        foreach (var field in fields)
        {
            if (!_byField.TryGetValue(field.MetricName, out var family))
            {
                family = _families.Add(new ScrapedGauge(_factory, _guard, field.MetricName, $"Memory information field {field.Field}."));
                family.BeginUpdate();
                _byField.Add(field.MetricName, family);
            }

            family.Set(field.Value);
        }

        _families.EndUpdate();
        return Task.CompletedTask;
    }

    public void Clear() => _families.Clear();

    /// <summary>Parses /proc/meminfo into node_exporter metric names and values in bytes.</summary>
    public static List<MeminfoField> Parse(string text)
    {
        var result = new List<MeminfoField>(64);
        Span<Range> parts = stackalloc Range[3];
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var count = LineFields.Split(line, parts);
            if (count < 2)
            {
                continue;
            }

            var key = line[parts[0]];
            if (!key.EndsWith(':') || !double.TryParse(line[parts[1]], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var names = NamesOf(key[..^1]);
            var name = names.Unitless;
            if (count == 3)
            {
                // The only unit meminfo uses is kB (KiB).
                value *= 1024;
                name = names.Bytes;
            }

            result.Add(new MeminfoField(names.Field, name, value));
        }

        return result;
    }

    private static MetricNames NamesOf(ReadOnlySpan<char> field)
    {
        if (NamesBySpan.TryGetValue(field, out var names))
        {
            return names;
        }

        var text = field.ToString();
        var metric = "node_memory_" + MetricNameOf(text);
        return NamesByField.GetOrAdd(text, new MetricNames(text, metric, metric + "_bytes"));
    }

    // "Active(anon)" -> "Active_anon"; anything else outside [A-Za-z0-9_] becomes '_' so that a future
    // kernel field can never produce an invalid metric name.
    private static string MetricNameOf(string field) =>
        string.Create(field.Length - (field.EndsWith(')') ? 1 : 0), field, static (span, f) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = f[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_';
            }
        });
}

/// <summary>A meminfo field and its two possible metric names (with and without the kB unit).</summary>
internal sealed record MetricNames(string Field, string Unitless, string Bytes);

/// <summary>One /proc/meminfo line: the kernel's field name, the metric name, and the value.</summary>
public readonly record struct MeminfoField(string Field, string MetricName, double Value);

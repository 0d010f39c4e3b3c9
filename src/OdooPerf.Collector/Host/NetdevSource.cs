using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Host;

/// <summary>/proc/net/dev: traffic and error counters per network interface, with node_exporter's names.</summary>
public sealed class NetdevSource : IMetricSource
{
    // Column order of /proc/net/dev after "IFACE:".
    private static readonly string[] Columns =
    [
        "receive_bytes", "receive_packets", "receive_errs", "receive_drop", "receive_fifo", "receive_frame", "receive_compressed", "receive_multicast",
        "transmit_bytes", "transmit_packets", "transmit_errs", "transmit_drop", "transmit_fifo", "transmit_colls", "transmit_carrier", "transmit_compressed",
    ];

    private readonly ProcFs _proc;
    private readonly ScrapedFamilySet _families = new();
    private readonly ScrapedCounter[] _counters;

    public NetdevSource(ProcFs proc, IMetricFactory factory, CardinalityGuard guard)
    {
        _proc = proc;
        _counters = Columns
            .Select(c => _families.Add(new ScrapedCounter(factory, guard, $"node_network_{c}_total", $"Network device statistic {c}.", "device")))
            .ToArray();
    }

    public string Name => "netdev";

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        var devices = Parse(_proc.ReadText("net/dev"));
        _families.BeginUpdate();
        foreach (var device in devices)
        {
            for (var c = 0; c < _counters.Length; c++)
            {
                _counters[c].Set(device.Values[c], device.Device);
            }
        }

        _families.EndUpdate();
        return Task.CompletedTask;
    }

    public void Clear() => _families.Clear();

    /// <summary>Parses /proc/net/dev (two header lines, then one line per interface).</summary>
    public static List<NetdevCounters> Parse(string text)
    {
        var devices = new List<NetdevCounters>();
        Span<Range> fields = stackalloc Range[Columns.Length];
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            // With large counters the kernel leaves no space after the colon ("eth0:123456"), so split on
            // the colon, not on whitespace. Header lines have a '|' and no colon.
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var rest = line[(colon + 1)..];
            if (name.IsEmpty || LineFields.Split(rest, fields) < Columns.Length)
            {
                continue;
            }

            var values = new double[Columns.Length];
            for (var i = 0; i < values.Length; i++)
            {
                LineFields.TryParseUInt64(rest[fields[i]], out var value);
                values[i] = value;
            }

            devices.Add(new NetdevCounters(name.ToString(), values));
        }

        return devices;
    }
}

/// <summary>One interface's counters from /proc/net/dev, in column order.</summary>
public sealed record NetdevCounters(string Device, double[] Values);

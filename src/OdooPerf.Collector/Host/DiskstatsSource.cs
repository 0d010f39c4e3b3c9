using System.Text.RegularExpressions;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Host;

/// <summary>
/// /proc/diskstats: I/O counters per block device, with node_exporter's names and its default exclusion
/// of partitions, RAM disks and loop devices (whole disks, device-mapper and md devices stay).
/// </summary>
public sealed partial class DiskstatsSource : IMetricSource
{
    // Linux sectors in /proc/diskstats are always 512 bytes, whatever the device's sector size.
    private const double SectorBytes = 512;
    private const double Millisecond = 0.001;

    private readonly ProcFs _proc;
    private readonly ScrapedFamilySet _families = new();
    private readonly (IScrapedFamily Family, double Scale)[] _columns;

    public DiskstatsSource(ProcFs proc, IMetricFactory factory, CardinalityGuard guard)
    {
        _proc = proc;
        ScrapedCounter Counter(string name, string help) => _families.Add(new ScrapedCounter(factory, guard, name, help, "device"));

        // One entry per statistics column after major, minor and device name (Documentation/admin-guide/iostats.rst).
        _columns =
        [
            (Counter("node_disk_reads_completed_total", "The total number of reads completed successfully."), 1),
            (Counter("node_disk_reads_merged_total", "The total number of reads merged."), 1),
            (Counter("node_disk_read_bytes_total", "The total number of bytes read successfully."), SectorBytes),
            (Counter("node_disk_read_time_seconds_total", "The total number of seconds spent by all reads."), Millisecond),
            (Counter("node_disk_writes_completed_total", "The total number of writes completed successfully."), 1),
            (Counter("node_disk_writes_merged_total", "The number of writes merged."), 1),
            (Counter("node_disk_written_bytes_total", "The total number of bytes written successfully."), SectorBytes),
            (Counter("node_disk_write_time_seconds_total", "This is the total number of seconds spent by all writes."), Millisecond),
            (_families.Add(new ScrapedGauge(factory, guard, "node_disk_io_now", "The number of I/Os currently in progress.", "device")), 1),
            (Counter("node_disk_io_time_seconds_total", "Total seconds spent doing I/Os."), Millisecond),
            (Counter("node_disk_io_time_weighted_seconds_total", "The weighted # of seconds spent doing I/Os."), Millisecond),
            (Counter("node_disk_discards_completed_total", "The total number of discards completed successfully."), 1),
            (Counter("node_disk_discards_merged_total", "The total number of discards merged."), 1),
            (Counter("node_disk_discarded_sectors_total", "The total number of sectors discarded successfully."), 1),
            (Counter("node_disk_discard_time_seconds_total", "This is the total number of seconds spent by all discards."), Millisecond),
            (Counter("node_disk_flush_requests_total", "The total number of flush requests completed successfully"), 1),
            (Counter("node_disk_flush_requests_time_seconds_total", "This is the total number of seconds spent by all flush requests."), Millisecond),
        ];
    }

    public string Name => "diskstats";

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        var disks = Parse(_proc.ReadText("diskstats"));
        _families.BeginUpdate();
        foreach (var disk in disks)
        {
            // Older kernels have 11 columns, 4.18+ 15, 5.5+ 17: report the ones this kernel has.
            for (var c = 0; c < disk.Values.Length && c < _columns.Length; c++)
            {
                var (family, scale) = _columns[c];
                family.Set(disk.Values[c] * scale, disk.Device);
            }
        }

        _families.EndUpdate();
        return Task.CompletedTask;
    }

    public void Clear() => _families.Clear();

    /// <summary>Parses /proc/diskstats, leaving out the devices node_exporter leaves out.</summary>
    public static List<DiskCounters> Parse(string text)
    {
        var disks = new List<DiskCounters>();
        Span<Range> fields = stackalloc Range[20];
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var count = LineFields.Split(line, fields);
            if (count < 14)
            {
                continue;
            }

            var device = line[fields[2]].ToString();
            if (IsExcluded(device))
            {
                continue;
            }

            var values = new double[count - 3];
            for (var i = 3; i < count; i++)
            {
                LineFields.TryParseUInt64(line[fields[i]], out var value);
                values[i - 3] = value;
            }

            disks.Add(new DiskCounters(device, values));
        }

        return disks;
    }

    public static bool IsExcluded(string device) => ExcludedDevices().IsMatch(device);

    [GeneratedRegex(@"^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\d+n\d+p)\d+$")]
    private static partial Regex ExcludedDevices();
}

/// <summary>One device's line of /proc/diskstats: the raw columns after the device name.</summary>
public sealed record DiskCounters(string Device, double[] Values);

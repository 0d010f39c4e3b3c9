using System.Globalization;
using Microsoft.Extensions.Logging;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Host;

/// <summary>
/// Pressure stall information (/proc/pressure/*, Linux 4.20+ with PSI enabled): seconds tasks waited for
/// CPU, memory and I/O, with node_exporter's names. Without PSI the source publishes nothing and says so
/// once, rather than reporting zero pressure.
/// </summary>
public sealed class PressureSource : IMetricSource
{
    private readonly ProcFs _proc;
    private readonly ILogger _logger;
    private readonly ScrapedFamilySet _families = new();
    private readonly (string Resource, string Kind, ScrapedCounter Counter)[] _series;

    public PressureSource(ProcFs proc, IMetricFactory factory, CardinalityGuard guard, ILogger<PressureSource> logger)
    {
        _proc = proc;
        _logger = logger;
        ScrapedCounter Counter(string name, string help) => _families.Add(new ScrapedCounter(factory, guard, name, help));
        _series =
        [
            ("cpu", "some", Counter("node_pressure_cpu_waiting_seconds_total", "Total time in seconds that processes have waited for CPU time")),
            ("memory", "some", Counter("node_pressure_memory_waiting_seconds_total", "Total time in seconds that processes have waited for memory")),
            ("memory", "full", Counter("node_pressure_memory_stalled_seconds_total", "Total time in seconds no process could make progress due to memory congestion")),
            ("io", "some", Counter("node_pressure_io_waiting_seconds_total", "Total time in seconds that processes have waited due to IO congestion")),
            ("io", "full", Counter("node_pressure_io_stalled_seconds_total", "Total time in seconds no process could make progress due to IO congestion")),
        ];
    }

    public string Name => "pressure";

    /// <summary>False once PSI has been found missing (no /proc/pressure, or disabled with psi=0).</summary>
    public bool Available { get; private set; } = true;

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!Available)
        {
            return Task.CompletedTask;
        }

        var totals = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var resource in new[] { "cpu", "memory", "io" })
        {
            try
            {
                totals[resource] = Parse(_proc.ReadText($"pressure/{resource}"));
            }
            catch (IOException ex)
            {
                // No /proc/pressure (kernel before 4.20, CONFIG_PSI off), or reads refused with psi=0.
                Available = false;
                _logger.LogInformation("Pressure stall information is not available on this kernel ({Reason}); node_pressure_* will not be exported", ex.Message);
                return Task.CompletedTask;
            }
        }

        _families.BeginUpdate();
        foreach (var (resource, kind, counter) in _series)
        {
            if (totals[resource].TryGetValue(kind, out var seconds))
            {
                counter.Set(seconds);
            }
        }

        _families.EndUpdate();
        return Task.CompletedTask;
    }

    public void Clear() => _families.Clear();

    /// <summary>The <c>total=</c> of each line ("some", "full") of a /proc/pressure file, in seconds.</summary>
    public static Dictionary<string, double> Parse(string text)
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        Span<Range> fields = stackalloc Range[5];
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var count = LineFields.Split(line, fields);
            for (var i = 1; i < count; i++)
            {
                var field = line[fields[i]];
                if (field.StartsWith("total=") && double.TryParse(field[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var micros))
                {
                    totals[line[fields[0]].ToString()] = micros / 1e6;
                }
            }
        }

        return totals;
    }
}

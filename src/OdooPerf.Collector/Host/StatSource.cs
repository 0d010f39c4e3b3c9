using System.Globalization;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Host;

/// <summary>
/// /proc/stat: CPU time per CPU and mode, boot time, context switches, forks and runnable/blocked
/// processes, under node_exporter's names (its cpu and stat collectors).
/// </summary>
public sealed class StatSource : IMetricSource
{
    // Column order of a "cpuN" line after the name (proc(5)). guest and guest_nice are already included
    // in user and nice; node_exporter reports them separately, and so do we.
    private static readonly string[] Modes = ["user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"];

    private readonly ProcFs _proc;
    private readonly ScrapedFamilySet _families = new();
    private readonly ScrapedCounter _cpuSeconds;
    private readonly ScrapedCounter _cpuGuestSeconds;
    private readonly ScrapedGauge _bootTime;
    private readonly ScrapedCounter _contextSwitches;
    private readonly ScrapedCounter _forks;
    private readonly ScrapedCounter _interrupts;
    private readonly ScrapedGauge _procsRunning;
    private readonly ScrapedGauge _procsBlocked;

    public StatSource(ProcFs proc, IMetricFactory factory, CardinalityGuard guard)
    {
        _proc = proc;
        _cpuSeconds = _families.Add(new ScrapedCounter(factory, guard, "node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", "cpu", "mode"));
        _cpuGuestSeconds = _families.Add(new ScrapedCounter(factory, guard, "node_cpu_guest_seconds_total", "Seconds the CPUs spent in guests (VMs) for each mode.", "cpu", "mode"));
        _bootTime = _families.Add(new ScrapedGauge(factory, guard, "node_boot_time_seconds", "Node boot time, in unixtime."));
        _contextSwitches = _families.Add(new ScrapedCounter(factory, guard, "node_context_switches_total", "Total number of context switches."));
        _forks = _families.Add(new ScrapedCounter(factory, guard, "node_forks_total", "Total number of forks."));
        _interrupts = _families.Add(new ScrapedCounter(factory, guard, "node_intr_total", "Total number of interrupts serviced."));
        _procsRunning = _families.Add(new ScrapedGauge(factory, guard, "node_procs_running", "Number of processes in runnable state."));
        _procsBlocked = _families.Add(new ScrapedGauge(factory, guard, "node_procs_blocked", "Number of processes blocked waiting for I/O to complete."));
    }

    public string Name => "stat";

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        var stat = Parse(_proc.ReadText("stat"));
        var ticks = ClockTicks.PerSecond;

        _families.BeginUpdate();
        foreach (var cpu in stat.Cpus)
        {
            for (var m = 0; m < Modes.Length; m++)
            {
                _cpuSeconds.Set(cpu.Ticks[m] / ticks, cpu.Id, Modes[m]);
            }

            _cpuGuestSeconds.Set(cpu.GuestTicks / ticks, cpu.Id, "user");
            _cpuGuestSeconds.Set(cpu.GuestNiceTicks / ticks, cpu.Id, "nice");
        }

        _bootTime.SetIfPresent(stat.BootTime);
        _contextSwitches.SetIfPresent(stat.ContextSwitches);
        _forks.SetIfPresent(stat.Forks);
        _interrupts.SetIfPresent(stat.Interrupts);
        _procsRunning.SetIfPresent(stat.ProcsRunning);
        _procsBlocked.SetIfPresent(stat.ProcsBlocked);
        _families.EndUpdate();
        return Task.CompletedTask;
    }

    public void Clear() => _families.Clear();

    /// <summary>Parses the text of /proc/stat. Lines it does not know are ignored.</summary>
    public static ProcStat Parse(string text)
    {
        var result = new ProcStat();
        Span<Range> fields = stackalloc Range[12];
        foreach (var lineRange in text.AsSpan().EnumerateLines())
        {
            var line = lineRange;
            var count = LineFields.Split(line, fields);
            if (count < 2)
            {
                continue;
            }

            var key = line[fields[0]];
            if (key.StartsWith("cpu") && key.Length > 3)
            {
                // "cpu" alone is the sum over all CPUs; node_exporter exports only the per-CPU lines.
                var cpu = new CpuTicks(key[3..].ToString());
                for (var i = 1; i < count && i <= 10; i++)
                {
                    LineFields.TryParseUInt64(line[fields[i]], out var value);
                    switch (i)
                    {
                        case <= 8: cpu.Ticks[i - 1] = value; break;
                        case 9: cpu.GuestTicks = value; break;
                        case 10: cpu.GuestNiceTicks = value; break;
                    }
                }

                result.Cpus.Add(cpu);
                continue;
            }

            if (!LineFields.TryParseUInt64(line[fields[1]], out var first))
            {
                continue;
            }

            switch (key)
            {
                case "btime": result.BootTime = first; break;
                case "ctxt": result.ContextSwitches = first; break;
                case "processes": result.Forks = first; break;
                case "intr": result.Interrupts = first; break;
                case "procs_running": result.ProcsRunning = first; break;
                case "procs_blocked": result.ProcsBlocked = first; break;
            }
        }

        return result;
    }
}

/// <summary>One CPU's line of /proc/stat, in clock ticks.</summary>
public sealed class CpuTicks(string id)
{
    public string Id { get; } = id;

    /// <summary>user, nice, system, idle, iowait, irq, softirq, steal.</summary>
    public ulong[] Ticks { get; } = new ulong[8];

    public ulong GuestTicks { get; set; }

    public ulong GuestNiceTicks { get; set; }
}

/// <summary>What /proc/stat says.</summary>
public sealed class ProcStat
{
    public List<CpuTicks> Cpus { get; } = [];

    public ulong? BootTime { get; set; }

    public ulong? ContextSwitches { get; set; }

    public ulong? Forks { get; set; }

    public ulong? Interrupts { get; set; }

    public ulong? ProcsRunning { get; set; }

    public ulong? ProcsBlocked { get; set; }
}

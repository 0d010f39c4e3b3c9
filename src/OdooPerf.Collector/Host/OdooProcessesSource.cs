using System.Text;
using OdooPerf.Collector.Scraping;
using OdooPerf.Odoo.Processes;
using Prometheus;

namespace OdooPerf.Collector.Host;

/// <summary>
/// Odoo server processes on this host, by role: how many, their resident and virtual memory (sum and
/// max), and the CPU time they used. Workers come and go (Odoo recycles them after
/// <c>limit_request</c> or a memory limit), so no series carries a pid.
/// </summary>
public sealed class OdooProcessesSource : IMetricSource
{
    private static readonly OdooProcessRole[] Roles = Enum.GetValues<OdooProcessRole>();

    private readonly ProcFs _proc;
    private readonly OdooProcessClassifier _classifier;
    private readonly byte[][] _needles;
    private readonly Func<ReadOnlySpan<byte>, string[]?> _splitCommandLine;
    private readonly ScrapedFamilySet _families = new();
    private readonly ScrapedGauge _workers;
    private readonly ScrapedGauge _resident;
    private readonly ScrapedGauge _virtual;
    private readonly ScrapedCounter _cpu;
    private readonly long _pageSize = Environment.SystemPageSize;

    // CPU time is accumulated from what each process used between two scrapes: summing the live
    // processes' totals would go backwards every time a worker is recycled. Keyed by pid and start time,
    // so a reused pid is a new process.
    private readonly double[] _cpuSecondsByRole = new double[Roles.Length];
    private Dictionary<(int Pid, ulong Start), double> _lastCpuSeconds = [];

    public OdooProcessesSource(ProcFs proc, OdooProcessesOptions options, IMetricFactory factory, CardinalityGuard guard)
    {
        _proc = proc;
        _classifier = new OdooProcessClassifier(options.EffectiveExecutableNames);
        _needles = [.. options.EffectiveExecutableNames.Select(Encoding.UTF8.GetBytes), "odoo: "u8.ToArray()];
        _splitCommandLine = SplitCommandLine;
        _workers = _families.Add(new ScrapedGauge(factory, guard, "odoo_workers", "Odoo server processes running, by role.", "role"));
        _resident = _families.Add(new ScrapedGauge(factory, guard, "odoo_worker_resident_memory_bytes", "Resident memory of the Odoo server processes of a role: their sum and the largest.", "role", "stat"));
        _virtual = _families.Add(new ScrapedGauge(factory, guard, "odoo_worker_virtual_memory_bytes", "Virtual memory of the Odoo server processes of a role (what limit_memory_soft is compared with): their sum and the largest.", "role", "stat"));
        _cpu = _families.Add(new ScrapedCounter(factory, guard, "odoo_worker_cpu_seconds_total", "CPU time used by the Odoo server processes of a role.", "role"));
    }

    public string Name => "odoo_processes";

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        var processes = FindOdooProcesses(cancellationToken);
        Publish(processes);
        return Task.CompletedTask;
    }

    public void Clear() => _families.Clear();

    /// <summary>Reads /proc and returns the Odoo server processes with their role.</summary>
    public List<OdooProcess> FindOdooProcesses(CancellationToken cancellationToken = default)
    {
        var candidates = new Dictionary<int, (string[] Argv, ProcessStat Stat)>();
        foreach (var directory in Directory.EnumerateDirectories(_proc.Root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!int.TryParse(Path.GetFileName(directory.AsSpan()), out var pid))
            {
                continue;
            }

            // Processes exit while we read: a vanished pid is simply skipped.
            var argv = ReadCommandLine(directory);
            if (argv is null || !_classifier.IsOdoo(argv) || ReadStat(directory) is not { } stat)
            {
                continue;
            }

            candidates[pid] = (argv, stat);
        }

        var result = new List<OdooProcess>(candidates.Count);
        foreach (var (pid, (argv, stat)) in candidates)
        {
            var role = _classifier.Classify(argv, parentIsOdoo: candidates.ContainsKey(stat.ParentPid));
            result.Add(new OdooProcess(pid, role!.Value, stat));
        }

        return result;
    }

    private void Publish(List<OdooProcess> processes)
    {
        var current = new Dictionary<(int Pid, ulong Start), double>(processes.Count);
        foreach (var process in processes)
        {
            var key = (process.Pid, process.Stat.StartTicks);
            var seconds = (process.Stat.UserTicks + process.Stat.SystemTicks) / ClockTicks.PerSecond;
            var before = _lastCpuSeconds.GetValueOrDefault(key);
            _cpuSecondsByRole[(int)process.Role] += Math.Max(0, seconds - before);
            current[key] = seconds;
        }

        _lastCpuSeconds = current;

        _families.BeginUpdate();
        foreach (var role in Roles)
        {
            var label = role.Label();
            var ofRole = processes.Where(p => p.Role == role).ToList();
            _workers.Set(ofRole.Count, label);
            if (_cpuSecondsByRole[(int)role] > 0)
            {
                _cpu.Set(_cpuSecondsByRole[(int)role], label);
            }

            if (ofRole.Count == 0)
            {
                continue;
            }

            var resident = ofRole.Select(p => (double)p.Stat.ResidentPages * _pageSize).ToList();
            var virtualBytes = ofRole.Select(p => (double)p.Stat.VirtualBytes).ToList();
            _resident.Set(resident.Sum(), label, "sum");
            _resident.Set(resident.Max(), label, "max");
            _virtual.Set(virtualBytes.Sum(), label, "sum");
            _virtual.Set(virtualBytes.Max(), label, "max");
        }

        _families.EndUpdate();
    }

    private string[]? ReadCommandLine(string directory)
    {
        try
        {
            return ProcFs.ReadBytesAt(Path.Join(directory, "cmdline"), _splitCommandLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Arguments are NUL-terminated; kernel threads have an empty command line. Most processes are not
    // Odoo: a command line that holds none of the names (nor Odoo's process title) is dropped before any
    // string is made.
    private string[]? SplitCommandLine(ReadOnlySpan<byte> bytes)
    {
        var candidate = false;
        foreach (var needle in _needles)
        {
            if (bytes.IndexOf(needle) >= 0)
            {
                candidate = true;
                break;
            }
        }

        if (!candidate)
        {
            return null;
        }

        return Encoding.UTF8.GetString(bytes.TrimEnd((byte)0)).Split('\0');
    }

    private static ProcessStat? ReadStat(string directory)
    {
        try
        {
            return ProcessStat.Parse(ProcFs.ReadTextAt(Path.Join(directory, "stat")));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>An Odoo server process found in /proc.</summary>
public sealed record OdooProcess(int Pid, OdooProcessRole Role, ProcessStat Stat);

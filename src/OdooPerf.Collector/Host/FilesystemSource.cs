using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Host;

/// <summary>
/// Mounted file systems: size, free and available bytes, inodes, read-only flag and errors, with
/// node_exporter's names and labels (<c>{device,fstype,mountpoint}</c>) and its exclusions.
/// </summary>
public sealed class FilesystemSource : IMetricSource
{
    private static readonly string[] MountTables = ["1/mounts", "self/mounts"];

    private readonly ProcFs _proc;
    private readonly HostMetricsOptions _options;
    private readonly ILogger _logger;
    private readonly ScrapedFamilySet _families = new();
    private readonly ScrapedGauge _size;
    private readonly ScrapedGauge _free;
    private readonly ScrapedGauge _avail;
    private readonly ScrapedGauge _files;
    private readonly ScrapedGauge _filesFree;
    private readonly ScrapedGauge _readOnly;
    private readonly ScrapedGauge _deviceError;

    // statfs calls that overran the mount timeout (a hung NFS server): the mount is skipped until the
    // call returns, instead of tying up one more thread per scrape.
    private readonly ConcurrentDictionary<string, Task> _stuck = new(StringComparer.Ordinal);

    public FilesystemSource(ProcFs proc, HostMetricsOptions options, IMetricFactory factory, CardinalityGuard guard, ILogger<FilesystemSource> logger)
    {
        _proc = proc;
        _options = options;
        _logger = logger;
        string[] labels = ["device", "fstype", "mountpoint"];
        _size = _families.Add(new ScrapedGauge(factory, guard, "node_filesystem_size_bytes", "Filesystem size in bytes.", labels));
        _free = _families.Add(new ScrapedGauge(factory, guard, "node_filesystem_free_bytes", "Filesystem free space in bytes.", labels));
        _avail = _families.Add(new ScrapedGauge(factory, guard, "node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.", labels));
        _files = _families.Add(new ScrapedGauge(factory, guard, "node_filesystem_files", "Filesystem total file nodes.", labels));
        _filesFree = _families.Add(new ScrapedGauge(factory, guard, "node_filesystem_files_free", "Filesystem total free file nodes.", labels));
        _readOnly = _families.Add(new ScrapedGauge(factory, guard, "node_filesystem_readonly", "Filesystem read-only status.", labels));
        _deviceError = _families.Add(new ScrapedGauge(factory, guard, "node_filesystem_device_error", "Whether an error occurred while getting statistics for the given device.", labels));
    }

    public string Name => "filesystem";

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var mounts = ReadMounts();
        var usages = await Task.WhenAll(mounts.Select(m => StatAsync(m, cancellationToken))).ConfigureAwait(false);

        _families.BeginUpdate();
        for (var i = 0; i < mounts.Count; i++)
        {
            string[] labels = [mounts[i].Device, mounts[i].FsType, mounts[i].MountPoint];
            if (usages[i] is not { } usage)
            {
                _deviceError.Set(1, labels);
                continue;
            }

            _deviceError.Set(0, labels);
            _size.Set(usage.SizeBytes, labels);
            _free.Set(usage.FreeBytes, labels);
            _avail.Set(usage.AvailableBytes, labels);
            _files.Set(usage.Files, labels);
            _filesFree.Set(usage.FilesFree, labels);
            _readOnly.Set(usage.ReadOnly ? 1 : 0, labels);
        }

        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();

    private List<Mount> ReadMounts()
    {
        // PID 1's table is the host's, not this service's private view (PrivateTmp, ProtectSystem).
        foreach (var table in MountTables)
        {
            try
            {
                var reported = new Dictionary<string, Mount>(StringComparer.Ordinal);
                foreach (var mount in MountTable.Parse(_proc.ReadText(table)))
                {
                    if (FilesystemFilter.IsReported(mount))
                    {
                        // A mount point mounted over keeps only its topmost (last listed) file system.
                        reported[mount.MountPoint] = mount;
                    }
                }

                return [.. reported.Values];
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException && table != MountTables[^1])
            {
                _logger.LogDebug("Cannot read /proc/{Table} ({Reason}); trying the next mount table", table, ex.Message);
            }
        }

        return [];
    }

    private async Task<FilesystemUsage?> StatAsync(Mount mount, CancellationToken cancellationToken)
    {
        var path = Path.Join(_options.RootfsPath, mount.MountPoint);
        if (_stuck.TryGetValue(path, out var pending) && !pending.IsCompleted)
        {
            return null;
        }

        var call = Task.Run(() => Statfs.Read(path), CancellationToken.None);
        try
        {
            return await call.WaitAsync(_options.MountTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("statfs on {MountPoint} did not return within {Timeout}; skipping it until it does", mount.MountPoint, _options.MountTimeout);
            _stuck[path] = call.ContinueWith(_ => _stuck.TryRemove(path, out Task? _), TaskScheduler.Default);
            return null;
        }
        catch (IOException ex)
        {
            _logger.LogDebug("{Reason}", ex.Message);
            return null;
        }
    }
}

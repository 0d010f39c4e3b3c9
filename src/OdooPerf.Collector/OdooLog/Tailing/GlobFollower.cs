using Microsoft.Extensions.Logging;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// Follows every file whose name matches a pattern in one directory (<c>/var/log/odoo/*.log</c>), with one
/// <see cref="FileFollower"/> per file. The directory is listed again every
/// <see cref="TailOptions.GlobRescanInterval"/>: a new file is read from its start; a file that no longer
/// matches and has been closed by its follower (drained after a rotation) for several listings is dropped,
/// with its saved position. At most <see cref="TailOptions.MaxFilesPerGlob"/> files; more cost one warning.
/// A pattern ending in <c>*</c> (<c>odoo.log*</c>) also matches the rotated files (<c>odoo.log.1</c>,
/// <c>odoo.log.2.gz</c>): each would be read as a source of its own, counting rotated lines twice and
/// compressed ones as garbage. Name the live files only (<c>*.log</c>).
/// </summary>
public sealed class GlobFollower : ILogFollower
{
    /// <summary>Listings a vanished file must stay absent before its follower is dropped (a rotation's gap is shorter).</summary>
    public const int ListingsBeforeDrop = 3;

    private readonly string _directory;
    private readonly FileNameGlob _glob;
    private readonly TailOptions _options;
    private readonly Func<string, ILogLineSink> _createSink;
    private readonly TailStateStore? _store;
    private readonly ILogger _logger;
    private readonly ConditionLog _problems;
    private readonly ConditionLog _overflow;
    private readonly object _lock = new();
    private readonly Dictionary<string, Child> _children = new(StringComparer.Ordinal);

    /// <param name="pattern">A path whose file name holds <c>*</c> or <c>?</c>.</param>
    /// <param name="createSink">Makes the sink of each matched file, given its full path.</param>
    public GlobFollower(string pattern, TailOptions options, Func<string, ILogLineSink> createSink, TailStateStore? store, ILogger logger)
    {
        options.Validate();
        var full = Path.GetFullPath(pattern);
        _directory = Path.GetDirectoryName(full) ?? "/";
        _glob = new FileNameGlob(Path.GetFileName(full));
        _options = options;
        _createSink = createSink;
        _store = store;
        _logger = logger;
        _problems = new ConditionLog(logger);
        _overflow = new ConditionLog(logger);
        Source = full;
        if (full.EndsWith('*'))
        {
            _logger.LogWarning("Log glob {Glob} ends with '*': it also matches rotated files (odoo.log.1, odoo.log.2.gz), which would be read again as sources of their own. Prefer a pattern that names live files only, such as *.log", full);
        }
    }

    public string Source { get; }

    public void CollectStatuses(ICollection<LogSourceStatus> into)
    {
        lock (_lock)
        {
            foreach (var child in _children.Values)
            {
                into.Add(child.Follower.Status);
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var first = true;
            while (!cancellationToken.IsCancellationRequested)
            {
                await RescanAsync(first, cancellationToken).ConfigureAwait(false);
                first = false;
                await Task.Delay(_options.GlobRescanInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            List<Child> children;
            lock (_lock)
            {
                children = [.. _children.Values];
            }

            foreach (var child in children)
            {
                await child.StopAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Lists the directory once: starts followers for new matches, drops those gone for good.</summary>
    internal async Task RescanAsync(bool first, CancellationToken cancellationToken)
    {
        List<string> matches;
        try
        {
            matches = Directory.EnumerateFiles(_directory)
                .Where(file => _glob.IsMatch(Path.GetFileName(file.AsSpan())))
                .Order(StringComparer.Ordinal)
                .ToList();
            _problems.Clear(Source, "directory readable again");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _problems.Report(LogLevel.Warning, Source, $"cannot list {_directory}: {ex.Message}; retrying");
            return;
        }

        var matched = new HashSet<string>(matches, StringComparer.Ordinal);
        List<Child> dropped = [];
        var ignored = 0;
        lock (_lock)
        {
            foreach (var file in matches)
            {
                if (_children.TryGetValue(file, out var existing))
                {
                    existing.MissingListings = 0;
                }
                else if (_children.Count < _options.MaxFilesPerGlob)
                {
                    _children.Add(file, Start(file, appearedAfterStart: !first, cancellationToken));
                }
                else
                {
                    ignored++;
                }
            }

            foreach (var (file, child) in _children)
            {
                if (!matched.Contains(file) && ++child.MissingListings >= ListingsBeforeDrop && !child.Follower.Status.IsOpen)
                {
                    dropped.Add(child);
                }
            }

            foreach (var child in dropped)
            {
                _children.Remove(child.Follower.Source);
            }
        }

        if (ignored > 0)
        {
            _overflow.Report(LogLevel.Warning, Source, $"matches more files than the {_options.MaxFilesPerGlob} followed; the others are ignored");
        }
        else
        {
            _overflow.Clear(Source, "every matching file is followed");
        }

        foreach (var child in dropped)
        {
            await child.StopAsync().ConfigureAwait(false);
            _store?.Remove(child.Follower.Source);
            _logger.LogInformation("Log {Path} is gone: no longer followed", child.Follower.Source);
        }
    }

    private Child Start(string file, bool appearedAfterStart, CancellationToken cancellationToken)
    {
        var sink = _createSink(file);
        var follower = new FileFollower(file, _options, sink, _store, _logger, appearedAfterStart);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var task = Task.Run(() => follower.RunAsync(stop.Token), CancellationToken.None);
        if (appearedAfterStart)
        {
            _logger.LogInformation("Log {Path} matches {Glob}: following it", file, Source);
        }

        return new Child(follower, sink, stop, task);
    }

    private sealed class Child(FileFollower follower, ILogLineSink sink, CancellationTokenSource stop, Task task)
    {
        public FileFollower Follower { get; } = follower;

        public int MissingListings { get; set; }

        public async Task StopAsync()
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await task.ConfigureAwait(false);
            stop.Dispose();
            (sink as IDisposable)?.Dispose();
        }
    }
}

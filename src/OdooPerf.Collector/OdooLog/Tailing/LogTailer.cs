using Microsoft.Extensions.Logging;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// Follows every configured log source, each on its own task, with one state file for their positions:
/// a path, a path whose file name holds <c>*</c>/<c>?</c> (<see cref="GlobFollower"/>), or
/// <c>journald:UNIT</c> (<see cref="JournaldFollower"/>). Each file (each glob match) gets its own sink from
/// <c>createSink</c>, called with the name its status carries. At stop, positions are saved after the
/// followers have finished.
/// </summary>
public sealed class LogTailer
{
    private readonly List<ILogFollower> _followers = [];
    private readonly TailOptions _options;
    private readonly TailStateStore? _store;

    /// <param name="sources">As <c>--odoo-log</c> takes them; checked beforehand with <see cref="OdooLogPath.Error"/>. Duplicates are followed once.</param>
    /// <param name="store">Where positions are kept; null: nowhere (every start follows the start policy).</param>
    /// <param name="createSink">The sink of one file or unit, given its status name (full path, or <c>journald:UNIT</c>).</param>
    public LogTailer(IEnumerable<string> sources, TailOptions options, TailStateStore? store, Func<string, ILogLineSink> createSink, ILogger logger)
    {
        options.Validate();
        _options = options;
        _store = store;
        foreach (var source in sources.Select(Normalize).Distinct(StringComparer.Ordinal))
        {
            ILogFollower follower;
            if (OdooLogPath.IsJournald(source))
            {
                follower = new JournaldFollower(OdooLogPath.JournaldUnit(source), options, createSink(source), store, logger);
            }
            else if (OdooLogPath.IsGlob(source))
            {
                follower = new GlobFollower(source, options, createSink, store, logger);
            }
            else
            {
                follower = new FileFollower(source, options, createSink(source), store, logger);
            }

            _followers.Add(follower);
        }
    }

    public IReadOnlyList<ILogFollower> Followers => _followers;

    /// <summary>A snapshot of every source's status (one per file a glob matches), for the scrape. Thread-safe.</summary>
    public List<LogSourceStatus> Statuses()
    {
        var statuses = new List<LogSourceStatus>();
        foreach (var follower in _followers)
        {
            follower.CollectStatuses(statuses);
        }

        return statuses;
    }

    /// <summary>Follows until <paramref name="cancellationToken"/> fires, then saves the positions.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var tasks = _followers.Select(f => Task.Run(() => f.RunAsync(cancellationToken), CancellationToken.None)).ToList();
        if (_store is not null)
        {
            tasks.Add(_store.RunAsync(_options.StateSaveInterval, cancellationToken));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        _store?.Save();
    }

    private static string Normalize(string source) =>
        OdooLogPath.IsJournald(source) ? source : Path.GetFullPath(source);
}

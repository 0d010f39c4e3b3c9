namespace OdooPerf.Collector.Postgres;

/// <summary>
/// A query result that is expensive for the server and changes slowly (database and table sizes walk
/// the data files): loaded at most once per interval, and the last result is republished in between,
/// so the series stay present at every scrape.
/// </summary>
public sealed class SlowlyChanging<T>(TimeSpan interval, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _loadedAt;
    private T? _value;
    private bool _loaded;

    public async Task<T> GetAsync(Func<Task<T>> load)
    {
        if (!_loaded || _time.GetElapsedTime(_loadedAt) >= interval)
        {
            _value = await load().ConfigureAwait(false);
            _loadedAt = _time.GetTimestamp();
            _loaded = true;
        }

        return _value!;
    }

    /// <summary>Forgets the result (after a failure or an outage), so the next scrape loads it again.</summary>
    public void Invalidate() => _loaded = false;
}

using Prometheus;

namespace OdooPerf.Collector.Scraping;

/// <summary>
/// A metric family whose label sets are rediscovered at every refresh (a CPU, a mount, a database).
/// Between <see cref="BeginUpdate"/> and <see cref="EndUpdate"/> the source sets the values it read;
/// <see cref="EndUpdate"/> removes every label set that was not set, so a vanished disk or dropped table
/// disappears from /metrics instead of staying frozen. New label sets pass the cardinality guard.
/// </summary>
/// <remarks>Not thread-safe: one source refreshes its families from one refresh at a time.</remarks>
public abstract class ScrapedFamily<TChild> : IScrapedFamily
    where TChild : ChildBase
{
    private readonly Collector<TChild> _collector;
    private readonly CardinalityGuard _guard;
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private long _round;

    protected ScrapedFamily(Collector<TChild> collector, CardinalityGuard guard)
    {
        _collector = collector;
        _guard = guard;
    }

    public string Name => _collector.Name;

    /// <summary>Number of label sets currently published.</summary>
    public int SeriesCount => _series.Count;

    public void BeginUpdate() => _round++;

    /// <summary>Sets the value of the label set <paramref name="labelValues"/> for this round.</summary>
    public abstract void Set(double value, params string[] labelValues);

    /// <summary>Sets the unlabelled series when the source had a value; otherwise it stays unset and is removed at the end of the update.</summary>
    public void SetIfPresent(double? value)
    {
        if (value is { } v)
        {
            Set(v);
        }
    }

    public void EndUpdate()
    {
        List<string>? stale = null;
        foreach (var (key, series) in _series)
        {
            if (series.Round != _round)
            {
                (stale ??= []).Add(key);
            }
        }

        if (stale is null)
        {
            return;
        }

        foreach (var key in stale)
        {
            _series.Remove(key, out var series);
            series!.Child.Remove();
        }
    }

    /// <summary>Removes every label set of this family.</summary>
    public void Clear()
    {
        foreach (var series in _series.Values)
        {
            series.Child.Remove();
        }

        _series.Clear();
    }

    /// <summary>
    /// The child for <paramref name="labelValues"/>, marked as present in this round; null when the
    /// cardinality guard refuses a new label set.
    /// </summary>
    protected TChild? Touch(string[] labelValues)
    {
        var key = KeyOf(labelValues);
        if (!_series.TryGetValue(key, out var series))
        {
            if (!_guard.TryAdmit(Name, _series.Count))
            {
                return null;
            }

            series = new Series(_collector.WithLabels(labelValues));
            _series.Add(key, series);
        }

        series.Round = _round;
        return series.Child;
    }

    /// <summary>Replaces the child for <paramref name="labelValues"/> by a fresh one (a counter reset).</summary>
    protected TChild Recreate(string[] labelValues, TChild old)
    {
        old.Remove();
        var fresh = _collector.WithLabels(labelValues);
        _series[KeyOf(labelValues)] = new Series(fresh) { Round = _round };
        return fresh;
    }

    // Unit separator: a character no label value read from /proc or PostgreSQL contains.
    private static string KeyOf(string[] labelValues) => labelValues.Length switch
    {
        0 => string.Empty,
        1 => labelValues[0],
        _ => string.Join('\u001f', labelValues),
    };

    private sealed class Series(TChild child)
    {
        public TChild Child { get; } = child;

        public long Round { get; set; }
    }
}

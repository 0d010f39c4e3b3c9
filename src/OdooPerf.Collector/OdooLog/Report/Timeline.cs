namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// Buckets of a fixed width keyed by time. The width starts at the requested interval and grows (folding
/// buckets exactly: each width is a multiple of the previous one) whenever the log spans more buckets than
/// allowed, so memory stays bounded whatever the span: at most <see cref="MaxBuckets"/> buckets, and at
/// most 6 hours of minutes when the interval is automatic.
/// </summary>
internal sealed class Timeline
{
    public const int MaxBuckets = 2880;
    public const int AutoMinuteBuckets = 360;

    private readonly bool _automatic;
    private Dictionary<long, TimelineBucket> _buckets = [];
    private long _width;
    private long _minKey = long.MaxValue;
    private long _maxKey = long.MinValue;
    private long _lastKey = long.MinValue;
    private TimelineBucket? _last;

    public Timeline(RequestedInterval requested)
    {
        Requested = requested;
        _automatic = requested == RequestedInterval.Auto;
        Interval = requested == RequestedInterval.Hour ? ReportInterval.Hour : ReportInterval.Minute;
        _width = Interval.Width().Ticks;
    }

    public RequestedInterval Requested { get; }

    public ReportInterval Interval { get; private set; }

    /// <summary>True when an explicit <c>--interval</c> had to be widened to stay within <see cref="MaxBuckets"/>.</summary>
    public bool Widened { get; private set; }

    public int Count => _buckets.Count;

    /// <summary>The bucket holding <paramref name="timestamp"/>.</summary>
    public TimelineBucket At(DateTime timestamp)
    {
        var key = timestamp.Ticks / _width;
        if (key == _lastKey && _last is not null)
        {
            return _last;
        }

        if (!_buckets.TryGetValue(key, out var bucket))
        {
            var min = Math.Min(_minKey, key);
            var max = Math.Max(_maxKey, key);
            if (max - min + 1 > Limit() && Interval < ReportInterval.FiftyTwoWeeks)
            {
                Widen();
                return At(timestamp);
            }

            bucket = new TimelineBucket();
            _buckets.Add(key, bucket);
            _minKey = min;
            _maxKey = max;
        }

        _lastKey = key;
        _last = bucket;
        return bucket;
    }

    /// <summary>Buckets in time order with their start.</summary>
    public IEnumerable<(DateTime Start, TimelineBucket Bucket)> Buckets() =>
        _buckets.OrderBy(b => b.Key).Select(b => (new DateTime(b.Key * _width), b.Value));

    private int Limit() => _automatic && Interval == ReportInterval.Minute ? AutoMinuteBuckets : MaxBuckets;

    /// <summary>One step wider; <see cref="At"/> checks again and widens further if the span still does not fit.</summary>
    private void Widen()
    {
        if (!_automatic)
        {
            Widened = true;
        }

        var oldWidth = _width;
        Interval++;
        _width = Interval.Width().Ticks;
        var folded = new Dictionary<long, TimelineBucket>();
        foreach (var (key, bucket) in _buckets)
        {
            var newKey = key * oldWidth / _width;
            if (folded.TryGetValue(newKey, out var target))
            {
                target.Add(bucket);
            }
            else
            {
                folded.Add(newKey, bucket);
            }
        }

        _buckets = folded;
        _minKey = _buckets.Count == 0 ? long.MaxValue : _buckets.Keys.Min();
        _maxKey = _buckets.Count == 0 ? long.MinValue : _buckets.Keys.Max();
        _last = null;
        _lastKey = long.MinValue;
    }
}

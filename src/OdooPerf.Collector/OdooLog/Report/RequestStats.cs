namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>What the report knows about a group of requests (a route group, a model and method, a path, a time bucket).</summary>
internal sealed class RequestStats
{
    /// <summary>Request lines, with or without performance fields.</summary>
    public long Count { get; private set; }

    /// <summary>Requests that failed: a 5xx status, or a request-handling traceback attributed to them.</summary>
    public long Errors { get; private set; }

    /// <summary>Durations of the requests whose line had the performance fields.</summary>
    public LatencyHistogram Durations { get; } = new();

    public double TotalSeconds { get; private set; }

    public long SqlQueries { get; private set; }

    public double SqlSeconds { get; private set; }

    /// <summary>Requests with performance fields (the denominator of every per-call figure).</summary>
    public long Timed => Durations.Count;

    public void Record(bool error) => Record(error, false, 0, 0, 0);

    public void Record(bool error, bool timed, double seconds, int sqlQueries, double sqlSeconds)
    {
        Count++;
        if (error)
        {
            Errors++;
        }

        if (timed)
        {
            Durations.Record(ToMilliseconds(seconds));
            TotalSeconds += seconds;
            SqlQueries += sqlQueries;
            SqlSeconds += sqlSeconds;
        }
    }

    /// <summary>Adds <paramref name="other"/> (a finer time bucket folded into a coarser one, groups into a total);
    /// without <paramref name="timings"/>, only its counts.</summary>
    public void Add(RequestStats other, bool timings = true)
    {
        Count += other.Count;
        Errors += other.Errors;
        if (timings)
        {
            Durations.Add(other.Durations);
            TotalSeconds += other.TotalSeconds;
            SqlQueries += other.SqlQueries;
            SqlSeconds += other.SqlSeconds;
        }
    }

    public static long ToMilliseconds(double seconds) => seconds > 0 ? (long)Math.Round(seconds * 1000.0) : 0;
}

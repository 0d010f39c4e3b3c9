namespace OdooPerf.Load.Stats;

/// <summary>
/// The number of virtual users a scenario has running, set by the runner. The time series keeps, per interval, the
/// most users seen during it (not a sample at its end), so a short burst still shows.
/// </summary>
public sealed class ConcurrencyGauge
{
    private int _current;
    private int _intervalMax;
    private int _peak;

    public int Current => Volatile.Read(ref _current);

    /// <summary>The most users ever set during the run.</summary>
    public int Peak => Volatile.Read(ref _peak);

    public void Set(int users)
    {
        users = Math.Max(0, users);
        Volatile.Write(ref _current, users);
        Raise(users);
    }

    public void Increment() => Raise(Interlocked.Increment(ref _current));

    public void Decrement() => Interlocked.Decrement(ref _current);

    /// <summary>The maximum since the last call, and starts the next interval from the current value.</summary>
    internal int TakeIntervalMax() => Interlocked.Exchange(ref _intervalMax, Current);

    private void Raise(int users)
    {
        RaiseTo(ref _intervalMax, users);
        RaiseTo(ref _peak, users);
    }

    private static void RaiseTo(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}

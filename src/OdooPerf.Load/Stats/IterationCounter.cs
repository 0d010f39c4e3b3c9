namespace OdooPerf.Load.Stats;

/// <summary>
/// The iterations of one scenario: started, and dropped (open model: no free virtual user at the intended start, so
/// the iteration never ran). Dropped iterations are load the server was meant to get and did not: a run that drops
/// is not the run that was asked for, and every report says how many.
/// </summary>
public sealed class IterationCounter
{
    private long _started;
    private long _dropped;
    private long _droppedAtLastClose;

    public long Started => Interlocked.Read(ref _started);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void RecordStarted() => Interlocked.Increment(ref _started);

    public void RecordDropped() => Interlocked.Increment(ref _dropped);

    /// <summary>Drops since the last call (called under the series lock only).</summary>
    internal long TakeIntervalDropped()
    {
        var dropped = Dropped;
        var delta = dropped - _droppedAtLastClose;
        _droppedAtLastClose = dropped;
        return delta;
    }
}

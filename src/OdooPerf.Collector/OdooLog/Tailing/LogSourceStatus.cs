namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// What one followed source has done so far, written by its follower and read by the scrape on another thread.
/// <see cref="Name"/> is the file's path (each file a glob matches has its own) or <c>journald:UNIT</c>.
/// </summary>
public sealed class LogSourceStatus
{
    private long _lines;
    private long _position;
    private long _rotations;
    private long _tooLong;
    private int _open;

    public LogSourceStatus(string name, bool hasPosition)
    {
        Name = name;
        HasPosition = hasPosition;
    }

    public string Name { get; }

    /// <summary>False for journald, which has a cursor rather than a byte offset: <see cref="PositionBytes"/> stays 0.</summary>
    public bool HasPosition { get; }

    /// <summary>Lines handed to the sink (too-long lines not included).</summary>
    public long LinesDelivered => Volatile.Read(ref _lines);

    /// <summary>Offset, in the file being read, just after the last line handed to the sink.</summary>
    public long PositionBytes => Volatile.Read(ref _position);

    /// <summary>Rotations seen: a rename, a delete (and recreate), a truncation (copytruncate or not) each count once.</summary>
    public long Rotations => Volatile.Read(ref _rotations);

    /// <summary>Lines skipped for exceeding the maximum line length.</summary>
    public long TooLongLines => Volatile.Read(ref _tooLong);

    /// <summary>True while a file is open (journald: while journalctl runs).</summary>
    public bool IsOpen => Volatile.Read(ref _open) != 0;

    internal void Publish(LineSplitter splitter) => Publish(splitter.Lines, splitter.TooLong, splitter.Consumed);

    internal void Publish(long lines, long tooLong, long position)
    {
        Volatile.Write(ref _lines, lines);
        Volatile.Write(ref _tooLong, tooLong);
        if (HasPosition)
        {
            Volatile.Write(ref _position, position);
        }
    }

    internal void CountRotation() => Interlocked.Increment(ref _rotations);

    internal void SetOpen(bool open) => Volatile.Write(ref _open, open ? 1 : 0);
}

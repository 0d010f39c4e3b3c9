namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// Cuts a byte stream into lines with one fixed buffer: the caller reads into <see cref="FreeSpace"/> and calls
/// <see cref="Process"/>; complete lines go to the sink straight from the buffer (nothing allocated per line);
/// an incomplete last line is kept until its newline arrives. A line longer than the maximum is not kept:
/// its bytes are dropped as they come and the sink hears <see cref="ILogLineSink.OnLineTooLong"/> once its
/// newline is seen, so a 10 MB line costs no more memory than a short one. Tracks stream offsets so that the
/// position after the last complete line (<see cref="Consumed"/>) can be saved and resumed from.
/// </summary>
internal sealed class LineSplitter
{
    public const int DefaultReadSize = 64 * 1024;

    private readonly byte[] _buffer;
    private readonly int _maxLineBytes;
    private int _pending;
    private SkipMode _skip;

    public LineSplitter(int maxLineBytes, int readSize = DefaultReadSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(readSize, 1);
        _maxLineBytes = maxLineBytes;

        // Room for a kept partial line of up to max + 1 bytes (its \r may still be followed by \n) and a full read.
        _buffer = new byte[maxLineBytes + 1 + readSize];
    }

    private enum SkipMode
    {
        None,
        TooLong,
        PartialAtStart,
    }

    /// <summary>Stream offset just after the last line terminator processed (line delivered or skipped).</summary>
    public long Consumed { get; private set; }

    /// <summary>Stream offset of the next byte to read: <see cref="Consumed"/> plus the bytes of the incomplete line.</summary>
    public long Position { get; private set; }

    /// <summary>Lines handed to <see cref="ILogLineSink.OnLine"/> since construction.</summary>
    public long Lines { get; private set; }

    /// <summary>Lines reported through <see cref="ILogLineSink.OnLineTooLong"/> since construction.</summary>
    public long TooLong { get; private set; }

    /// <summary>True when bytes after <see cref="Consumed"/> have been read (an incomplete line, or part of a too-long one).</summary>
    public bool HasPartialLine => Position != Consumed;

    /// <summary>Where the next read goes.</summary>
    public Span<byte> FreeSpace => _buffer.AsSpan(_pending);

    /// <summary><see cref="FreeSpace"/> for an asynchronous read.</summary>
    public Memory<byte> FreeMemory => _buffer.AsMemory(_pending);

    /// <summary>Forgets any incomplete line and continues at <paramref name="offset"/> of a (new) stream.</summary>
    public void Reset(long offset)
    {
        _pending = 0;
        _skip = SkipMode.None;
        Consumed = offset;
        Position = offset;
    }

    /// <summary>
    /// Starts in the middle of a line (at the end of a file whose last line is still being written): its rest is
    /// dropped silently up to the next newline.
    /// </summary>
    public void SkipToNextLine() => _skip = SkipMode.PartialAtStart;

    /// <summary>Takes <paramref name="count"/> bytes just read into <see cref="FreeSpace"/> and delivers the lines they complete.</summary>
    public void Process(int count, ILogLineSink sink)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _pending);
        var data = _buffer.AsSpan(0, _pending + count);
        Position += count;
        var lineStart = 0;
        var searchFrom = _pending;
        while (true)
        {
            var newline = data[searchFrom..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            var end = searchFrom + newline;
            Deliver(data[lineStart..end], sink);
            lineStart = searchFrom = end + 1;
            Consumed = Position - (data.Length - lineStart);
        }

        var rest = data.Length - lineStart;
        if (_skip != SkipMode.None)
        {
            _pending = 0;
        }
        else if (rest > _maxLineBytes + 1)
        {
            // Too long whatever follows: drop what we have and skip to its end.
            _skip = SkipMode.TooLong;
            _pending = 0;
        }
        else
        {
            data[lineStart..].CopyTo(_buffer);
            _pending = rest;
        }
    }

    /// <summary>
    /// The stream ended for good (a rotated file drained to its end): its unterminated last line is delivered
    /// as a line, since no newline will ever come.
    /// </summary>
    public void Complete(ILogLineSink sink)
    {
        if (HasPartialLine && _skip != SkipMode.PartialAtStart)
        {
            Deliver(_buffer.AsSpan(0, _pending), sink);
        }

        Reset(Position);
    }

    private void Deliver(ReadOnlySpan<byte> line, ILogLineSink sink)
    {
        var skip = _skip;
        _skip = SkipMode.None;
        if (skip == SkipMode.PartialAtStart)
        {
            return;
        }

        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (skip == SkipMode.TooLong || line.Length > _maxLineBytes)
        {
            TooLong++;
            sink.OnLineTooLong();
            return;
        }

        Lines++;
        sink.OnLine(line);
    }
}

using OdooPerf.Collector.OdooLog.Tailing;
using OdooPerf.Odoo.Logs;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// Reads a whole stream in large blocks and hands each line (bytes, without its <c>\n</c>) to the log reader,
/// through the tailer's <see cref="LineSplitter"/>: a line longer than the reader's limit is skipped without
/// being buffered and counted as too long, and the last line needs no terminator.
/// </summary>
internal sealed class LogLineSplitter(OdooLogReader reader, int maxLineBytes = OdooLogReader.DefaultMaxLineBytes) : ILogLineSink
{
    /// <summary>Large reads: the report reads a file once, as fast as it can.</summary>
    public const int BufferBytes = 4 << 20;

    private readonly LineSplitter _splitter = new(maxLineBytes, BufferBytes);
    private long _linesBefore;

    /// <summary>Bytes read from the stream of the last <see cref="Feed"/> (decompressed).</summary>
    public long Bytes { get; private set; }

    /// <summary>Lines handed over (or skipped as too long) in the last <see cref="Feed"/>.</summary>
    public long Lines => _splitter.Lines + _splitter.TooLong - _linesBefore;

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    public void Feed(Stream stream)
    {
        _splitter.Reset(0);
        _linesBefore = _splitter.Lines + _splitter.TooLong;
        int read;
        while ((read = stream.Read(_splitter.FreeSpace)) > 0)
        {
            _splitter.Process(read, this);
        }

        _splitter.Complete(this);
        Bytes = _splitter.Position;
    }

    void ILogLineSink.OnLine(ReadOnlySpan<byte> line) => reader.ReadLine(line);

    void ILogLineSink.OnLineTooLong() => reader.SkipTooLongLine();

    // A file read to its end is never idle: the next file may continue its last entry (a rotated traceback).
    void ILogLineSink.OnIdle()
    {
    }
}

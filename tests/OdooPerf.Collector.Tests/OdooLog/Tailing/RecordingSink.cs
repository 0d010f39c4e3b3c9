using System.Text;
using OdooPerf.Collector.OdooLog.Tailing;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>Keeps every line it is given (as text), for assertions from the test thread.</summary>
internal sealed class RecordingSink : ILogLineSink
{
    private readonly object _lock = new();
    private readonly List<string> _lines = [];
    private int _tooLong;
    private int _idle;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _lines.Count;
            }
        }
    }

    public int TooLong => Volatile.Read(ref _tooLong);

    public int Idle => Volatile.Read(ref _idle);

    public List<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    public void OnLine(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line);
        lock (_lock)
        {
            _lines.Add(text);
        }
    }

    public void OnLineTooLong() => Interlocked.Increment(ref _tooLong);

    public void OnIdle() => Interlocked.Increment(ref _idle);

    /// <summary>The number of the last line received, -1 before the first.</summary>
    public int LastNumber()
    {
        lock (_lock)
        {
            return _lines.Count == 0 ? -1 : NumberedLine.Parse(_lines[^1]);
        }
    }

    /// <summary>The numbers of the lines written by <see cref="LogWriter"/>, in the order received.</summary>
    public List<int> Numbers() => Lines.Select(NumberedLine.Parse).ToList();
}

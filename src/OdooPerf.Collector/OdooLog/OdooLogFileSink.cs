using OdooPerf.Collector.OdooLog.Tailing;
using OdooPerf.Odoo.Logs;

namespace OdooPerf.Collector.OdooLog;

/// <summary>The lines of one followed file (or journald unit), parsed and recorded: tailer → parser → metrics.</summary>
public sealed class OdooLogFileSink : ILogLineSink
{
    private readonly OdooLogReader _reader;

    public OdooLogFileSink(string name, OdooLogMetrics metrics, int maxLineBytes)
    {
        Name = name;
        Recorder = new OdooLogRecorder(metrics);
        _reader = new OdooLogReader(Recorder, maxLineBytes);
    }

    /// <summary>The file's path or <c>journald:UNIT</c>: the <c>file</c> label of the tailer's own metrics.</summary>
    public string Name { get; }

    public OdooLogRecorder Recorder { get; }

    public void OnLine(ReadOnlySpan<byte> line) => _reader.ReadLine(line);

    public void OnLineTooLong() => _reader.SkipTooLongLine();

    // The source went quiet: the traceback of the last entry, if any, has been written whole.
    public void OnIdle() => _reader.Flush();
}

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// Receives the lines of one followed source. Calls come from that source's follower task, one at a time;
/// different sources call their own sinks concurrently. A sink that implements <see cref="IDisposable"/> is
/// disposed when its follower stops for good (a glob match that went away).
/// </summary>
public interface ILogLineSink
{
    /// <summary>One complete line, without its <c>\n</c> or a <c>\r\n</c>. The span is only valid during the call.</summary>
    void OnLine(ReadOnlySpan<byte> line);

    /// <summary>A line longer than the maximum line length was skipped without being held in memory.</summary>
    void OnLineTooLong();

    /// <summary>
    /// The source had no new data for a whole poll after the last lines: whatever was written in one go (a
    /// traceback: Python writes a log record with one write) is complete, so a pending multi-line entry can be
    /// finished. Called once per quiet period, not on every idle poll.
    /// </summary>
    void OnIdle();
}

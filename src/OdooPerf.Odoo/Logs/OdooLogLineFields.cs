namespace OdooPerf.Odoo.Logs;

/// <summary>
/// What the first line of an entry says, as offsets into the buffer that holds the line: the reader keeps this while it
/// waits for continuation lines, then turns it into an <see cref="OdooLogEntry"/>.
/// </summary>
internal struct OdooLogLineFields
{
    public long TimestampTicks;
    public int Pid;
    public OdooLogLevel Level;
    public OdooLogLineFormat Format;
    public OdooLogEntryKind Kind;
    public ByteRange Database;
    public ByteRange Logger;
    public ByteRange Message;
    public ByteRange Subject;
    public double Seconds;
    public int WorkerPid;
    public WerkzeugRequestFields Request;

    /// <summary>The rest of a multi-line message that rsyslog folded into the line as <c>#012</c>-separated text.</summary>
    public ByteRange FoldedLines;
}

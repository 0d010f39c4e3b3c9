namespace OdooPerf.Odoo.Logs;

/// <summary>Receives what <see cref="OdooLogReader"/> assembles. Called on the reader's thread, one call at a time.</summary>
public interface IOdooLogEntryHandler
{
    /// <summary>
    /// A complete entry: its first line and any continuation lines (a traceback). The spans inside
    /// <paramref name="entry"/> are only valid during the call; copy what you keep.
    /// </summary>
    void OnEntry(in OdooLogEntry entry);

    /// <summary>A line that is neither an entry nor the continuation of one. The span is only valid during the call.</summary>
    void OnUnparsed(OdooLogUnparsedReason reason, ReadOnlySpan<byte> line);
}

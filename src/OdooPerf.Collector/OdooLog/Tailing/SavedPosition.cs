namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// Where reading of one source stopped: for a file, which file (identity and fingerprint, since its name may
/// have moved on) and the offset just after the last line handed to the sink; for journald, the cursor of the
/// last entry handed over.
/// </summary>
public sealed record SavedPosition(FileIdentity Identity, FileFingerprint Fingerprint, long Offset, string? Cursor = null)
{
    public static SavedPosition ForJournal(string cursor) => new(default, default, 0, cursor);
}

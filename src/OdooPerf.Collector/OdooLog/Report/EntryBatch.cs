using OdooPerf.Odoo.Logs;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>Entries captured by the reading thread and handed whole to the aggregating thread; reused.</summary>
internal sealed class EntryBatch
{
    public const int Capacity = 8192;
    private const int ArenaBytes = 1 << 20;

    private byte[] _arena = new byte[ArenaBytes];
    private int _used;

    public CapturedEntry[] Entries { get; } = new CapturedEntry[Capacity];

    public int Count { get; private set; }

    public bool Full => Count == Capacity || _used > ArenaBytes - (64 * 1024);

    public ReadOnlySpan<byte> Text(ArenaText text) => _arena.AsSpan(text.Start, text.Length);

    public void Clear()
    {
        Count = 0;
        _used = 0;
    }

    public void Add(in OdooLogEntry entry)
    {
        ref var captured = ref Entries[Count++];
        captured = default;
        captured.Timestamp = entry.Timestamp;
        captured.Pid = entry.Pid;
        captured.Level = entry.Level;
        captured.Kind = entry.Kind;
        captured.Seconds = entry.Seconds;
        captured.HasTraceback = entry.HasTraceback;
        if (entry.Kind == OdooLogEntryKind.Request)
        {
            captured.Status = entry.Request.Status;
            captured.HasPerformance = entry.Request.HasPerformance;
            captured.SqlQueries = entry.Request.SqlQueries;
            captured.SqlSeconds = entry.Request.SqlSeconds;
            captured.RemainingSeconds = entry.Request.RemainingSeconds;
            captured.Method = Copy(entry.Request.Method);
            captured.Path = Copy(entry.Request.Path);
            captured.Database = Copy(entry.Database);
        }

        if (entry.HasTraceback)
        {
            captured.Logger = Copy(entry.Logger);
            captured.ExceptionType = Copy(entry.ExceptionType);
            captured.ExceptionFrame = Copy(entry.ExceptionFrame);
        }

        if (!entry.Subject.IsEmpty)
        {
            captured.Subject = Copy(entry.Subject);
        }
    }

    public void AddUnparsed(OdooLogUnparsedReason reason)
    {
        ref var captured = ref Entries[Count++];
        captured = default;
        captured.Unparsed = reason;
    }

    private ArenaText Copy(ReadOnlySpan<byte> text)
    {
        if (_used + text.Length > _arena.Length)
        {
            // One entry with very long fields: grow rather than cut (rare; the reader bounds line length).
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + text.Length));
        }

        text.CopyTo(_arena.AsSpan(_used));
        var copied = new ArenaText(_used, text.Length);
        _used += text.Length;
        return copied;
    }
}

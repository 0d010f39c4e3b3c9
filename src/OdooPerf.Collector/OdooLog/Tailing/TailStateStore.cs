using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// The read positions of all followed sources, in one JSON file keyed by source (a file path, or
/// <c>journald:UNIT</c>). Followers update positions in memory; <see cref="RunAsync"/> writes the file when
/// something changed, every <c>interval</c>, and the owner calls <see cref="Save"/> once more after the
/// followers stopped. Each write is atomic (temporary file, fsync, rename,
/// fsync of the directory) so a crash leaves either the old or the new file, never half of one. An unreadable
/// or corrupt file costs one warning and a fresh start, never a failed start. Thread-safe.
/// </summary>
public sealed class TailStateStore
{
    private const int FormatVersion = 1;

    private readonly object _lock = new();
    private readonly Dictionary<string, SavedPosition> _positions = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private readonly ConditionLog _saveProblems;
    private bool _dirty;

    private TailStateStore(string path, ILogger logger)
    {
        FilePath = path;
        _logger = logger;
        _saveProblems = new ConditionLog(logger);
    }

    public string FilePath { get; }

    /// <summary>Reads <paramref name="path"/> if it exists. Never throws for a missing, unreadable or corrupt file.</summary>
    public static TailStateStore Open(string path, ILogger logger)
    {
        var store = new TailStateStore(Path.GetFullPath(path), logger);
        store.Load();
        return store;
    }

    public SavedPosition? Get(string source)
    {
        lock (_lock)
        {
            return _positions.GetValueOrDefault(source);
        }
    }

    public void Set(string source, SavedPosition position)
    {
        lock (_lock)
        {
            if (_positions.TryGetValue(source, out var old) && old == position)
            {
                return;
            }

            _positions[source] = position;
            _dirty = true;
        }
    }

    public void Remove(string source)
    {
        lock (_lock)
        {
            _dirty |= _positions.Remove(source);
        }
    }

    /// <summary>Saves every <paramref name="interval"/> when something changed, until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Save();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Writes the file if a position changed since the last save. Returns false when writing failed (logged once per distinct error).</summary>
    public bool Save()
    {
        byte[] json;
        lock (_lock)
        {
            if (!_dirty)
            {
                return true;
            }

            json = Serialize();
            _dirty = false;
        }

        try
        {
            WriteAtomically(json);
            _saveProblems.Clear(FilePath, "read positions saved again");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lock (_lock)
            {
                _dirty = true;
            }

            _saveProblems.Report(LogLevel.Warning, FilePath, $"cannot save read positions ({ex.Message}); a restart may count lines again");
            return false;
        }
    }

    private void Load()
    {
        byte[] json;
        try
        {
            json = File.ReadAllBytes(FilePath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Cannot read the log position file {Path} ({Reason}); every log starts afresh", FilePath, ex.Message);
            return;
        }

        try
        {
            foreach (var (source, position) in Parse(json))
            {
                _positions[source] = position;
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException or KeyNotFoundException)
        {
            _positions.Clear();
            _logger.LogWarning("The log position file {Path} is corrupt ({Reason}); every log starts afresh and the file will be rewritten", FilePath, ex.Message);
        }
    }

    private static List<(string Source, SavedPosition Position)> Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var version = root.GetProperty("version").GetInt32();
        if (version != FormatVersion)
        {
            throw new FormatException($"format version {version}, expected {FormatVersion}");
        }

        var positions = new List<(string, SavedPosition)>();
        foreach (var source in root.GetProperty("sources").EnumerateObject())
        {
            var entry = source.Value;
            if (entry.TryGetProperty("cursor", out var cursor))
            {
                positions.Add((source.Name, SavedPosition.ForJournal(cursor.GetString() ?? throw new FormatException("null cursor"))));
                continue;
            }

            var identity = new FileIdentity(entry.GetProperty("device").GetUInt64(), entry.GetProperty("inode").GetUInt64());
            var fingerprint = new FileFingerprint(
                entry.GetProperty("fingerprintLength").GetInt32(),
                ulong.Parse(entry.GetProperty("fingerprint").GetString() ?? string.Empty, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            var offset = entry.GetProperty("offset").GetInt64();
            if (offset < 0 || fingerprint.Length is < 0 or > FileFingerprint.MaxLength)
            {
                throw new FormatException($"impossible position for {source.Name}");
            }

            positions.Add((source.Name, new SavedPosition(identity, fingerprint, offset)));
        }

        return positions;
    }

    private byte[] Serialize()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartObject("sources");
            foreach (var (source, position) in _positions.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(source);
                if (position.Cursor is not null)
                {
                    writer.WriteString("cursor", position.Cursor);
                }
                else
                {
                    writer.WriteNumber("device", position.Identity.Device);
                    writer.WriteNumber("inode", position.Identity.Inode);
                    writer.WriteNumber("fingerprintLength", position.Fingerprint.Length);
                    writer.WriteString("fingerprint", position.Fingerprint.Hash.ToString("x16", CultureInfo.InvariantCulture));
                    writer.WriteNumber("offset", position.Offset);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void WriteAtomically(byte[] json)
    {
        var directory = Path.GetDirectoryName(FilePath) ?? "/";
        Directory.CreateDirectory(directory);
        var temporary = FilePath + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, FilePath, overwrite: true);
        if (NativeFile.SyncDirectory(directory) is { } problem)
        {
            _logger.LogDebug("fsync of {Directory} failed: {Reason}", directory, problem);
        }
    }
}

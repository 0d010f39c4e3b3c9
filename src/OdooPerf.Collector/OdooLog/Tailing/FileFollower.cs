using Microsoft.Extensions.Logging;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// Follows one log file by polling, as <c>tail -F</c> does, and hands its complete lines to a sink.
/// <list type="bullet">
/// <item>A file that does not exist yet is waited for, then read from its start.</item>
/// <item>Rotation by rename (logrotate <c>create</c>) or by delete and recreate: the path names another file
/// (or none). The open handle still reads the old file, which is drained to its end, and once it stayed
/// quiet for a whole poll (a write already under way lands in it) the new file is read from its start.</item>
/// <item>Truncation (copytruncate, or <c>&gt; odoo.log</c>): the file is shorter than the read position, or
/// no longer starts with the fingerprinted bytes. The lines written between our last read and the
/// truncation are in logrotate's copy: a sibling that starts with the same bytes and is at least as long as
/// our position (see <see cref="RotatedFileFinder"/>) is drained from our position, then the file is read
/// from its start.</item>
/// <item>Start: a saved position of the same file (identity and fingerprint) is resumed; a saved position
/// of a file that was rotated while we were stopped is resumed in the rotated file, then the new file is
/// read from its start (all of it was written after the stop). Without a saved position, reading starts at
/// the end (at the next line start) or, with <see cref="TailOptions.FromStart"/>, at the beginning.</item>
/// </list>
/// I/O errors never end the loop: each distinct one is logged once and the poll is retried.
/// </summary>
public sealed class FileFollower : ILogFollower
{
    // A long backlog saves its position along the way, not only when it is read through.
    private const long SaveEveryBytes = 4 * 1024 * 1024;

    // After a rotation, the old file is followed for as long as it keeps growing (a writer that has not
    // reopened yet), but not forever: a writer that never reopens would hide the new file.
    private const int MaxPollsWritingToRenamedFile = 40;

    private readonly string _path;
    private readonly TailOptions _options;
    private readonly ILogLineSink _sink;
    private readonly TailStateStore? _store;
    private readonly ILogger _logger;
    private readonly ConditionLog _problems;
    private readonly LineSplitter _splitter;
    private readonly byte[] _scratch = new byte[FileFingerprint.MaxLength];
    private readonly bool _appearedAfterStart;
    private FollowedFile? _current;
    private bool _started;
    private bool _pathMovedOn;
    private int _pollsSincePathMovedOn;
    private bool _switchIsRotation = true;
    private bool _readSinceIdle;
    private long _knownSize;
    private SavedPosition? _lastSaved;

    /// <param name="path">The file to follow (absolute, or relative to the working directory).</param>
    /// <param name="appearedAfterStart">A glob match that appeared while running: read from its start unless a position was saved.</param>
    public FileFollower(string path, TailOptions options, ILogLineSink sink, TailStateStore? store, ILogger logger, bool appearedAfterStart = false)
    {
        options.Validate();
        _path = Path.GetFullPath(path);
        _options = options;
        _sink = new GuardedSink(sink, _path, logger);
        _store = store;
        _logger = logger;
        _problems = new ConditionLog(logger);
        _splitter = new LineSplitter(options.MaxLineBytes);
        _appearedAfterStart = appearedAfterStart;
        Status = new LogSourceStatus(_path, hasPosition: true);
    }

    public string Source => _path;

    public LogSourceStatus Status { get; }

    public void CollectStatuses(ICollection<LogSourceStatus> into) => into.Add(Status);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Poll(cancellationToken);
                await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            SavePosition();
            _current?.Dispose();
            _current = null;
            Status.SetOpen(false);
        }
    }

    /// <summary>One poll: reads what is new, handles rotation, tells the sink when the file went quiet. Never throws.</summary>
    internal void Poll(CancellationToken cancellationToken = default)
    {
        try
        {
            if (PollOnce(cancellationToken))
            {
                _readSinceIdle = true;
            }
            else if (_readSinceIdle)
            {
                _readSinceIdle = false;
                _sink.OnIdle();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _problems.Report(LogLevel.Warning, _path, $"{ex.Message}; retrying");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _problems.Report(LogLevel.Error, _path, $"unexpected {ex.GetType().Name}: {ex.Message}; retrying");
        }

        Status.Publish(_splitter);
        SavePosition();
    }

    private bool PollOnce(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            Start();
            _started = true;
        }
        else if (_current is null)
        {
            OpenPathFromStart();
        }

        if (_current is null)
        {
            _problems.Report(LogLevel.Information, _path, "does not exist (yet); waiting for it");
            return false;
        }

        var read = CheckTruncation(cancellationToken);
        if (_current is null)
        {
            return read; // drained a copytruncate copy, and the log is gone now
        }

        var written = ReadToEnd(_current, cancellationToken);
        read |= written | CheckRotation(oldFileWasWritten: written, cancellationToken);
        _problems.Clear(_path, "reading");
        return read;
    }

    private void Start()
    {
        var saved = _store?.Get(_path);
        var atPath = FollowedFile.TryOpen(_path, _scratch);
        try
        {
            if (saved is null || saved.Cursor is not null)
            {
                StartByPolicy(atPath);
                return;
            }

            if (saved.Identity == default)
            {
                // We were waiting for a new file at this path: whatever is there now was written since.
                UseFromStart(atPath);
                return;
            }

            if (atPath is not null && atPath.Identity == saved.Identity && atPath.Stat().Size >= saved.Offset
                && (saved.Fingerprint.IsEmpty || atPath.StartsWith(saved.Fingerprint, _scratch)))
            {
                Use(atPath, saved.Offset);
                _logger.LogDebug("Log {Path}: resuming at offset {Offset}", _path, saved.Offset);
                return;
            }

            // The path names another file now, or the same one truncated: it was all written after we stopped.
            // The rest of the file we were reading may be next to it (renamed, or copied by copytruncate).
            var old = RotatedFileFinder.Find(_path, saved.Identity, saved.Fingerprint, saved.Offset, atPath?.Identity, _scratch);
            if (old is not null)
            {
                atPath?.Dispose();
                Use(old, saved.Offset);
                _logger.LogInformation("Log {Path} was rotated while the collector was stopped: reading the rest of {Rotated} from offset {Offset}, then the new file from its start", _path, old.Path, saved.Offset);
                return;
            }

            _logger.LogWarning(
                "Log {Path}: the file read before the restart (inode {Inode}, offset {Offset}) is no longer there or next to it; lines written to it after the stop are not counted. Reading the current file from its start",
                _path,
                saved.Identity.Inode,
                saved.Offset);
            Status.CountRotation();
            UseFromStart(atPath);
        }
        catch
        {
            // Start is tried again at the next poll, from scratch.
            _current?.Dispose();
            _current = null;
            atPath?.Dispose();
            Status.SetOpen(false);
            throw;
        }
    }

    private void StartByPolicy(FollowedFile? atPath)
    {
        if (atPath is null || _options.FromStart || _appearedAfterStart)
        {
            UseFromStart(atPath);
            return;
        }

        Use(atPath, atPath.Stat().Size);
    }

    private void UseFromStart(FollowedFile? file)
    {
        if (file is not null)
        {
            Use(file, 0);
        }
    }

    private void Use(FollowedFile file, long offset)
    {
        _current = file;
        _knownSize = offset;
        _pathMovedOn = false;
        _splitter.Reset(offset);
        if (!file.IsLineStart(offset))
        {
            _splitter.SkipToNextLine();
        }

        Status.SetOpen(true);
    }

    private bool OpenPathFromStart()
    {
        var file = FollowedFile.TryOpen(_path, _scratch);
        if (file is null)
        {
            return false;
        }

        _switchIsRotation = true;
        Use(file, 0);
        return true;
    }

    private bool CheckTruncation(CancellationToken cancellationToken)
    {
        var file = _current!;
        var status = file.Stat();
        if (status.Size >= _splitter.Position && file.HeadIsUnchanged(status, _scratch))
        {
            _knownSize = status.Size;
            return false;
        }

        Status.CountRotation();
        var consumed = _splitter.Consumed;
        var copy = RotatedFileFinder.Find(_path, file.Identity, file.Fingerprint, consumed, file.Identity, _scratch);
        if (copy is not null)
        {
            _logger.LogInformation("Log {Path} was truncated (copytruncate): reading its rest from the copy {Copy}, then the file from its start", _path, copy.Path);
            file.Dispose();
            Use(copy, consumed);
            _switchIsRotation = false; // counted above

            // Nobody writes to the copy: read it through and go back to the log at once, before it can be
            // truncated again unseen. Interrupted (an I/O error, a stop), the copy stays the current file and
            // is finished like a renamed one, here or after a restart.
            var read = ReadToEnd(copy, cancellationToken);
            if (!cancellationToken.IsCancellationRequested)
            {
                _splitter.Complete(_sink);
                copy.Dispose();
                _current = null;
                Status.SetOpen(false);
                OpenPathFromStart();
            }

            return read;
        }

        var unread = _knownSize - consumed;
        if (unread > 0)
        {
            _logger.LogWarning("Log {Path} was truncated before its last {Bytes} bytes were read, and no copy of it was found next to it: those lines are not counted", _path, unread);
        }
        else
        {
            _logger.LogInformation("Log {Path} was truncated: reading it from its start", _path);
        }

        file.ResetFingerprint(_scratch);
        Use(file, 0);
        return false;
    }

    private bool CheckRotation(bool oldFileWasWritten, CancellationToken cancellationToken)
    {
        var file = _current!;
        var atPath = FileStatus.OfPath(_path);
        if (atPath is { } status && status.Identity == file.Identity)
        {
            _pathMovedOn = false;
            return false;
        }

        if (!_pathMovedOn)
        {
            // Give a write already under way one more poll to land in the old file.
            _pathMovedOn = true;
            _pollsSincePathMovedOn = 0;
            return false;
        }

        if (oldFileWasWritten && ++_pollsSincePathMovedOn < MaxPollsWritingToRenamedFile)
        {
            return false;
        }

        if (oldFileWasWritten)
        {
            _logger.LogWarning("Log {Path} was rotated but its writer keeps writing to the old file; reading the new one from now on. Make the writer reopen its log after rotation", _path);
        }

        _splitter.Complete(_sink);
        file.Dispose();
        _current = null;
        _pathMovedOn = false;
        Status.SetOpen(false);
        if (_switchIsRotation)
        {
            Status.CountRotation();
            _logger.LogInformation("Log {Path} was {How}: reading the new file from its start", _path, atPath is null ? "renamed or deleted" : "replaced");
        }

        return OpenPathFromStart() && ReadToEnd(_current!, cancellationToken);
    }

    private bool ReadToEnd(FollowedFile file, CancellationToken cancellationToken)
    {
        var read = false;
        long sinceSave = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var count = RandomAccess.Read(file.Handle, _splitter.FreeSpace, _splitter.Position);
            if (count == 0)
            {
                break;
            }

            _splitter.Process(count, _sink);
            read = true;
            Status.Publish(_splitter);
            sinceSave += count;
            if (sinceSave >= SaveEveryBytes)
            {
                SavePosition();
                sinceSave = 0;
            }
        }

        return read;
    }

    private void SavePosition()
    {
        if (_store is null || !_started)
        {
            return;
        }

        // No open file: the next file at the path is new, whatever it holds by the time we see it.
        var identity = _current?.Identity ?? default;
        var fingerprint = _current?.Fingerprint ?? default;
        var offset = _current is null ? 0 : _splitter.Consumed;
        if (_lastSaved is { } last && last.Identity == identity && last.Fingerprint == fingerprint && last.Offset == offset)
        {
            return;
        }

        _lastSaved = new SavedPosition(identity, fingerprint, offset);
        _store.Set(_path, _lastSaved);
    }
}

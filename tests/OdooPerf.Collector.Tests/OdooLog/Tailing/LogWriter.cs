using System.Text;
using Microsoft.Win32.SafeHandles;
using OdooPerf.Collector.OdooLog.Tailing;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>
/// Appends lines the way Odoo's logging does on POSIX (Python's WatchedFileHandler, file opened in append
/// mode): before each record it checks that the path still names the file it has open and reopens (creating
/// it) otherwise; each record is one write at the end of the file, wherever the end now is. The rotations
/// logrotate performs run under the same lock as a write, so that no line falls into a gap the tailer could
/// not see (logrotate's own copytruncate loses lines written between its copy and its truncate; that loss is
/// not the tailer's to test).
/// </summary>
internal sealed class LogWriter : IDisposable
{
    private readonly object _lock = new();
    private readonly string _path;
    private SafeFileHandle? _handle;
    private FileIdentity _identity;
    private int _written;

    public LogWriter(string path)
    {
        _path = path;
    }

    /// <summary>Numbered lines written so far. Each rotation returns it: lines numbered from there on went to the new file.</summary>
    public int Written => Volatile.Read(ref _written);

    public void Write(string text) => Write(Encoding.UTF8.GetBytes(text));

    public void Write(ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            var status = FileStatus.OfPath(_path);
            if (_handle is null || status is null || status.Value.Identity != _identity)
            {
                _handle?.Dispose();
                _handle = File.OpenHandle(_path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                _identity = FileStatus.Of(_handle).Identity;
            }

            RandomAccess.Write(_handle, bytes, RandomAccess.GetLength(_handle));
        }
    }

    public void WriteNumbered(int number)
    {
        lock (_lock)
        {
            Write(NumberedLine.Format(number) + "\n");
            Interlocked.Increment(ref _written);
        }
    }

    /// <summary>Writes numbered lines from <paramref name="from"/> on, on a thread of its own, until <paramref name="stop"/> fires; pauses now and then so that rotations fall between lines.</summary>
    public Task WriteNumberedUntilAsync(int from, CancellationToken stop, int pauseEvery = 50) => Task.Run(() =>
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            WriteNumbered(from + i);
            if (i % pauseEvery == pauseEvery - 1)
            {
                Thread.Sleep(1);
            }
        }
    });

    /// <summary>Writes numbered lines <paramref name="from"/>.. on a thread of its own, pausing now and then so that rotations fall between lines.</summary>
    public Task WriteNumberedAsync(int from, int count, int pauseEvery = 50) => Task.Run(() =>
    {
        for (var i = 0; i < count; i++)
        {
            WriteNumbered(from + i);
            if (i % pauseEvery == pauseEvery - 1)
            {
                Thread.Sleep(1);
            }
        }
    });

    /// <summary>logrotate <c>create</c>: older rotated files shift by one, the log becomes <c>.1</c>; the next write creates a new log.</summary>
    public int RotateByRename()
    {
        lock (_lock)
        {
            ShiftRotated();
            File.Move(_path, _path + ".1");
            return _written;
        }
    }

    /// <summary>logrotate <c>copytruncate</c>: the log is copied to <c>.1</c>, then truncated in place.</summary>
    public int CopyTruncate()
    {
        lock (_lock)
        {
            ShiftRotated();
            File.Copy(_path, _path + ".1");
            Truncate(_path);
            return _written;
        }
    }

    /// <summary>The log is deleted; the next write creates it again.</summary>
    public int Delete()
    {
        lock (_lock)
        {
            File.Delete(_path);
            return _written;
        }
    }

    /// <summary>The log is emptied in place with no copy (<c>: &gt; odoo.log</c>).</summary>
    public int TruncateInPlace()
    {
        lock (_lock)
        {
            Truncate(_path);
            return _written;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _handle?.Dispose();
            _handle = null;
        }
    }

    private static void Truncate(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        stream.SetLength(0);
    }

    private void ShiftRotated()
    {
        for (var n = 8; n >= 1; n--)
        {
            var older = $"{_path}.{n}";
            if (File.Exists(older))
            {
                File.Move(older, $"{_path}.{n + 1}", overwrite: true);
            }
        }
    }
}

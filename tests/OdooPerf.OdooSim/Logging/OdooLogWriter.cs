using System.Globalization;
using System.Text;
using System.Threading.Channels;

namespace OdooPerf.OdooSim.Logging;

/// <summary>
/// Writes the simulator's log in Odoo's format (<c>odoo/netsvc.py</c>:
/// <c>%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: %(message)s %(perf_info)s</c>), one werkzeug
/// line per request with the perf fields. Lines go through a queue to a background writer that flushes as
/// soon as the queue is empty, so a tailer sees each line within milliseconds.
/// </summary>
internal sealed class OdooLogWriter : IAsyncDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StreamWriter? _writer;
    private readonly Task _pump;
    private readonly int _pid = Environment.ProcessId;
    private long _written;
    private long _requestLines;
    private long _queued;

    /// <summary>Appends to <paramref name="path"/>, or writes to standard output; with neither, lines are counted and dropped.</summary>
    public OdooLogWriter(string? path, bool toStandardOutput = false)
    {
        if (path is not null)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            _writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = false, NewLine = "\n" };
        }
        else if (toStandardOutput)
        {
            _writer = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        }

        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Entries written and flushed so far (a traceback counts as one entry).</summary>
    public long Entries => Interlocked.Read(ref _written);

    /// <summary>werkzeug request lines queued so far.</summary>
    public long RequestLines => Interlocked.Read(ref _requestLines);

    /// <summary>
    /// The werkzeug line: <c>ADDRESS - - [dd/Mon/YYYY HH:MM:SS] "REQUEST LINE" STATUS - COUNT SQLTIME REMAINING</c>.
    /// </summary>
    public void Request(string database, string address, string requestLine, int status, int queries, double sqlSeconds, double remainingSeconds)
    {
        var now = DateTime.Now;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{address} - - [{now:dd/MMM/yyyy HH:mm:ss}] \"{requestLine}\" {status} -");
        var perf = string.Create(CultureInfo.InvariantCulture, $"{queries} {sqlSeconds:F3} {Math.Max(0, remainingSeconds):F3}");
        Interlocked.Increment(ref _requestLines);
        Write(now, "INFO", database, "werkzeug", message, perf, traceback: null);
    }

    public void Info(string database, string logger, string message) => Write(DateTime.Now, "INFO", database, logger, message, string.Empty, null);

    public void Warning(string database, string logger, string message) => Write(DateTime.Now, "WARNING", database, logger, message, string.Empty, null);

    public void Error(string database, string logger, string message, string? traceback) => Write(DateTime.Now, "ERROR", database, logger, message, string.Empty, traceback);

    /// <summary>Waits until every line queued so far is written and flushed.</summary>
    public async Task FlushAsync()
    {
        var target = Volatile.Read(ref _queued);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Interlocked.Read(ref _written) < target && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Write(DateTime now, string level, string database, string logger, string message, string perf, string? traceback)
    {
        // A multi-line message keeps its first line on the header line, the rest follows as continuation lines.
        var line = string.Create(CultureInfo.InvariantCulture, $"{now:yyyy-MM-dd HH:mm:ss,fff} {_pid} {level} {database} {logger}: {message} {perf}");
        if (traceback is not null)
        {
            line = line + "\n" + traceback.TrimEnd('\n');
        }

        Interlocked.Increment(ref _queued);
        _lines.Writer.TryWrite(line);
    }

    private async Task PumpAsync()
    {
        var reader = _lines.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var batch = 0;
            while (reader.TryRead(out var line))
            {
                if (_writer is not null)
                {
                    await _writer.WriteLineAsync(line).ConfigureAwait(false);
                }

                batch++;
            }

            if (_writer is not null)
            {
                await _writer.FlushAsync().ConfigureAwait(false);
            }

            Interlocked.Add(ref _written, batch);
        }
    }
}

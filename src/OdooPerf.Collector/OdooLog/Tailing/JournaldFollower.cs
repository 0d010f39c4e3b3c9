using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// Follows a systemd unit's journal through <c>journalctl --follow --output=json</c> run as a child process
/// (see <see cref="JournalctlArguments"/>), and hands the lines of each entry's MESSAGE to the sink. The
/// cursor of the last entry handed over is the saved position: a restart continues after it. journalctl is
/// killed at stop and started again with a doubling delay when it exits; each distinct failure is logged once.
/// The collector's user must be allowed to read the journal (group <c>systemd-journal</c> or <c>adm</c>).
/// </summary>
public sealed class JournaldFollower : ILogFollower
{
    private readonly string _unit;
    private readonly TailOptions _options;
    private readonly TailStateStore? _store;
    private readonly ILogger _logger;
    private readonly ConditionLog _problems;
    private readonly LineSplitter _splitter;
    private readonly JournalRecordParser _parser;
    private string? _cursor;
    private DateTimeOffset? _firstStart;
    private bool _readSinceIdle;
    private int _starts;

    /// <param name="unit">The unit, as in <c>journald:UNIT</c>; without a type suffix it is a service.</param>
    public JournaldFollower(string unit, TailOptions options, ILogLineSink sink, TailStateStore? store, ILogger logger)
    {
        options.Validate();
        _unit = unit;
        _options = options;
        _store = store;
        _logger = logger;
        _problems = new ConditionLog(logger);
        Source = OdooLogPath.JournaldPrefix + unit;
        var maxRecord = JournalRecordParser.MaxRecordBytes(options.MaxLineBytes);
        _parser = new JournalRecordParser(new GuardedSink(sink, Source, logger), options.MaxLineBytes, maxRecord);
        _splitter = new LineSplitter(maxRecord);
        _cursor = store?.Get(Source)?.Cursor;
        Status = new LogSourceStatus(Source, hasPosition: false);
    }

    public string Source { get; }

    public LogSourceStatus Status { get; }

    /// <summary>How many times journalctl was started (or tried).</summary>
    public int Starts => Volatile.Read(ref _starts);

    public void CollectStatuses(ICollection<LogSourceStatus> into) => into.Add(Status);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = _options.JournalRestartDelay;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var before = _parser.Lines + _parser.TooLong;
                var outcome = await RunJournalctlAsync(cancellationToken).ConfigureAwait(false);
                if (_parser.Lines + _parser.TooLong > before)
                {
                    delay = _options.JournalRestartDelay; // it worked for a while: not a crash loop
                }

                _problems.Report(LogLevel.Warning, Source, $"{outcome}; starting it again");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.JournalRestartMaxDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            SaveCursor();
            Status.SetOpen(false);
        }
    }

    /// <summary>Runs journalctl until it exits (returns why) or until cancelled (throws).</summary>
    private async Task<string> RunJournalctlAsync(CancellationToken cancellationToken)
    {
        var since = _cursor is null && !_options.FromStart ? _firstStart : null;
        var start = new ProcessStartInfo(_options.JournalctlPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in JournalctlArguments.Build(_unit, _options.JournalDirectory, _cursor, since, _options.FromStart))
        {
            start.ArgumentList.Add(argument);
        }

        // Restarted before a first entry arrived: from the first start on, so nothing written in between is lost.
        _firstStart ??= DateTimeOffset.UtcNow;
        Interlocked.Increment(ref _starts);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            return $"cannot run {_options.JournalctlPath} ({ex.Message})";
        }

        if (process is null)
        {
            return $"cannot run {_options.JournalctlPath}";
        }

        using (process)
        {
            string? lastError = null;
            process.ErrorDataReceived += (_, e) =>
            {
                if (!string.IsNullOrWhiteSpace(e.Data))
                {
                    Volatile.Write(ref lastError, e.Data);
                }
            };
            process.BeginErrorReadLine();
            Status.SetOpen(true);
            _splitter.Reset(0);
            try
            {
                await PumpAsync(process.StandardOutput.BaseStream, cancellationToken).ConfigureAwait(false);
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                var error = Volatile.Read(ref lastError);
                if (_cursor is not null && error?.Contains("cursor", StringComparison.OrdinalIgnoreCase) == true)
                {
                    _logger.LogWarning("Log {Source}: journalctl refused the saved cursor ({Error}); starting without it", Source, error);
                    _cursor = null;
                    _store?.Remove(Source);
                }

                return $"journalctl exited with code {process.ExitCode}{(error is null ? string.Empty : ": " + error)}";
            }
            finally
            {
                Stop(process);
                Status.SetOpen(false);
            }
        }
    }

    private async Task PumpAsync(Stream output, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = output.ReadAsync(_splitter.FreeMemory, cancellationToken);
            int count;
            if (read.IsCompletedSuccessfully)
            {
                count = read.Result;
            }
            else
            {
                var pending = read.AsTask();
                while (!pending.IsCompleted)
                {
                    var tick = Task.Delay(_options.PollInterval, cancellationToken);
                    if (await Task.WhenAny(pending, tick).ConfigureAwait(false) == tick)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (_readSinceIdle)
                        {
                            _readSinceIdle = false;
                            _parser.OnIdle();
                        }
                    }
                }

                count = await pending.ConfigureAwait(false);
            }

            if (count == 0)
            {
                return;
            }

            _splitter.Process(count, _parser);
            _readSinceIdle = true;
            Status.Publish(_parser.Lines, _parser.TooLong, 0);
            SaveCursor();
            _problems.Clear(Source, "journalctl is delivering entries again");
        }
    }

    private void SaveCursor()
    {
        if (_parser.TakeChangedCursor() is { } cursor)
        {
            _cursor = cursor;
            _store?.Set(Source, SavedPosition.ForJournal(cursor));
        }
    }

    private void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            _logger.LogDebug("Log {Source}: stopping journalctl: {Reason}", Source, ex.Message);
        }
    }
}

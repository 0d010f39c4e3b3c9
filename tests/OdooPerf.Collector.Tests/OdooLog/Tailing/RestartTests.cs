using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OdooPerf.Collector.OdooLog.Tailing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>
/// The collector stops (positions saved), lines are written, maybe the log is rotated, and it starts again
/// with a new follower and the saved positions: what was written while it was down arrives, nothing twice.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _log;
    private readonly string _stateFile;

    public RestartTests()
    {
        _log = _directory.File("odoo.log");
        _stateFile = _directory.File("state/positions.json");
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Lines_written_while_stopped_arrive_after_the_restart_once()
    {
        using var writer = new LogWriter(_log);
        writer.Write(string.Empty);
        var before = await RunAsync(500, () => writer.WriteNumberedAsync(0, 500));
        writer.Write(NumberedLine.Format(500)[..20]); // a line half written when the collector stopped...

        var after = await RunAsync(500, () =>
        {
            writer.Write(NumberedLine.Format(500)[20..] + "\n"); // ...and finished after the restart
            return writer.WriteNumberedAsync(501, 499);
        });

        NumberedLine.AssertSequence(before.Numbers(), 0, 500);
        NumberedLine.AssertSequence(after.Numbers(), 500, 500);
    }

    [Fact]
    public async Task A_rename_rotation_while_stopped_is_bridged()
    {
        using var writer = new LogWriter(_log);
        writer.Write(string.Empty);
        var logger = new RecordingLogger();
        var before = await RunAsync(300, () => writer.WriteNumberedAsync(0, 300));
        await writer.WriteNumberedAsync(300, 100); // into the file that is about to be rotated
        writer.RotateByRename();
        await writer.WriteNumberedAsync(400, 100); // into the new file

        var after = await RunAsync(200, logger: logger);

        NumberedLine.AssertSequence(before.Numbers(), 0, 300);
        NumberedLine.AssertSequence(after.Numbers(), 300, 200);
        Assert.Empty(logger.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task A_copytruncate_while_stopped_is_bridged()
    {
        using var writer = new LogWriter(_log);
        writer.Write(string.Empty);
        var before = await RunAsync(300, () => writer.WriteNumberedAsync(0, 300));
        await writer.WriteNumberedAsync(300, 100);
        writer.CopyTruncate();
        await writer.WriteNumberedAsync(400, 100);

        var after = await RunAsync(200);

        NumberedLine.AssertSequence(after.Numbers(), 300, 200);
    }

    [Fact]
    public async Task A_log_deleted_while_stopped_costs_one_warning_and_its_successor_is_read_whole()
    {
        using var writer = new LogWriter(_log);
        writer.Write(string.Empty);
        await RunAsync(300, () => writer.WriteNumberedAsync(0, 300));
        await writer.WriteNumberedAsync(300, 100); // lost with the file: nobody kept it
        writer.Delete();
        await writer.WriteNumberedAsync(400, 100);
        var logger = new RecordingLogger();

        var after = await RunAsync(100, logger: logger);

        NumberedLine.AssertSequence(after.Numbers(), 400, 100);
        Assert.Single(logger.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task A_log_that_appeared_while_stopped_is_read_from_its_start()
    {
        // First run: the log does not exist yet. It is created while the collector is down.
        await RunAsync(0);
        using var writer = new LogWriter(_log);
        await writer.WriteNumberedAsync(0, 100);

        var after = await RunAsync(100);

        NumberedLine.AssertSequence(after.Numbers(), 0, 100);
    }

    [Fact]
    public async Task A_different_file_at_the_path_with_the_same_inode_is_not_resumed_into()
    {
        // ext4 hands a deleted file's inode to the next file created: the fingerprint tells them apart.
        File.WriteAllText(_log, string.Concat(Enumerable.Range(0, 50).Select(i => NumberedLine.Format(i) + "\n")));
        await RunAsync(0);
        var saved = TailStateStore.Open(_stateFile, NullLogger.Instance).Get(_log)!;
        using (var stream = new FileStream(_log, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1000, 60).Select(i => NumberedLine.Format(i) + "\n"))));
        }

        Assert.Equal(saved.Identity, FileStatus.OfPath(_log)!.Value.Identity);
        var after = await RunAsync(60);

        NumberedLine.AssertSequence(after.Numbers(), 1000, 60);
    }

    /// <summary>
    /// Runs the tailer with the state file: waits for its first position to be saved, runs
    /// <paramref name="work"/>, waits for <paramref name="expected"/> lines, and stops it (saving positions).
    /// </summary>
    private async Task<RecordingSink> RunAsync(int expected, Func<Task>? work = null, RecordingLogger? logger = null)
    {
        var sink = new RecordingSink();
        var store = TailStateStore.Open(_stateFile, NullLogger.Instance);
        var tailer = new LogTailer([_log], Tail.Options(), store, _ => sink, logger ?? new RecordingLogger());
        await using var run = FollowerRun.Start(tailer);
        await Eventually.WaitUntilAsync(() => File.Exists(_stateFile), () => "the first position saved");
        if (work is not null)
        {
            await work();
        }

        await Eventually.WaitUntilAsync(() => sink.Count >= expected, () => $"{sink.Count} of {expected} lines");
        await Task.Delay(100); // a few more polls, in which nothing more may arrive
        await run.StopAsync();
        return sink;
    }
}

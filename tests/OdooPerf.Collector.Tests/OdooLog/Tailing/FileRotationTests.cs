using OdooPerf.Collector.OdooLog.Tailing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>
/// A writer appends numbered lines while the log is rotated under it, the way logrotate and admins do it,
/// and the follower polls on its own: every line written must arrive exactly once, in order.
/// </summary>
public sealed class FileRotationTests : IDisposable
{
    private const int LinesBetweenRotations = 3000;
    private const int Rotations = 4;

    private readonly TempDirectory _directory = new();
    private readonly RecordingSink _sink = new();
    private readonly string _log;

    public FileRotationTests()
    {
        _log = _directory.File("odoo.log");
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public Task Rename_rotation_loses_and_repeats_nothing() => RotateWhileWriting(w => w.RotateByRename());

    [Fact]
    public Task Copytruncate_loses_and_repeats_nothing() => RotateWhileWriting(w => w.CopyTruncate());

    [Fact]
    public Task Delete_and_recreate_loses_and_repeats_nothing() => RotateWhileWriting(w => w.Delete());

    [Fact]
    public async Task Truncation_without_a_copy_restarts_at_the_beginning()
    {
        using var writer = new LogWriter(_log);
        var follower = Tail.Follower(_log, _sink, fromStart: true);
        await using var run = FollowerRun.Start(follower);
        var written = 0;
        for (var round = 0; round < 3; round++)
        {
            await writer.WriteNumberedAsync(written, 1000);
            written += 1000;
            await Eventually.WaitUntilAsync(() => _sink.Count == written, () => $"{_sink.Count} of {written} lines");

            // Read up to the end: a truncation now loses nothing, and the next lines start at offset 0.
            writer.TruncateInPlace();
        }

        await writer.WriteNumberedAsync(written, 1000);
        written += 1000;
        await Eventually.WaitUntilAsync(() => _sink.Count == written, () => $"{_sink.Count} of {written} lines");

        NumberedLine.AssertSequence(_sink.Numbers(), 0, written);
        Assert.Equal(3, follower.Status.Rotations);
    }

    private async Task RotateWhileWriting(Func<LogWriter, int> rotate)
    {
        using var writer = new LogWriter(_log);
        writer.Write(string.Empty); // the file exists before the follower starts
        var logger = new RecordingLogger();
        var follower = new FileFollower(_log, Tail.Options(), _sink, store: null, logger);
        await using var run = FollowerRun.Start(follower);
        await Eventually.WaitUntilAsync(() => follower.Status.IsOpen, () => "the follower opened the log");

        using var stop = new CancellationTokenSource();
        var writing = writer.WriteNumberedUntilAsync(0, stop.Token);
        var firstInFile = 0;
        for (var r = 1; r <= Rotations; r++)
        {
            var due = writer.Written + LinesBetweenRotations;
            await Eventually.WaitUntilAsync(() => writer.Written >= due, () => $"writer at {writer.Written} of {due}");

            // One rotation at a time, each once the follower has read lines of the current file: two
            // copytruncates before it read a byte of the file in between are indistinguishable from one.
            await Eventually.WaitUntilAsync(
                () => follower.Status.Rotations == r - 1 && _sink.LastNumber() >= firstInFile,
                () => $"{follower.Status.Rotations} rotations seen, last line {_sink.LastNumber()}, log: {string.Join(" | ", logger.Entries.Select(e => e.Message))}");
            firstInFile = rotate(writer);
        }

        var more = writer.Written + LinesBetweenRotations;
        await Eventually.WaitUntilAsync(() => writer.Written >= more, () => $"writer at {writer.Written} of {more}");
        await stop.CancelAsync();
        await writing.WaitAsync(TimeSpan.FromSeconds(30));
        var written = writer.Written;
        await Eventually.WaitUntilAsync(() => _sink.Count >= written, () => $"{_sink.Count} of {written} lines");
        await Eventually.WaitUntilAsync(() => follower.Status.Rotations == Rotations, () => $"{follower.Status.Rotations} rotations seen");

        NumberedLine.AssertSequence(_sink.Numbers(), 0, written);
        Assert.Equal(written, follower.Status.LinesDelivered);
        Assert.Empty(logger.AtLeast(Microsoft.Extensions.Logging.LogLevel.Warning));
    }
}

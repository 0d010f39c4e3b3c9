using Microsoft.Extensions.Logging;
using OdooPerf.Collector.OdooLog.Tailing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>One poll at a time, so each case happens exactly where the test puts it.</summary>
public sealed class FileFollowerTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly RecordingSink _sink = new();
    private readonly string _log;

    public FileFollowerTests()
    {
        _log = _directory.File("odoo.log");
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_partial_line_is_delivered_once_whole()
    {
        File.WriteAllText(_log, string.Empty);
        var follower = Tail.Follower(_log, _sink);
        follower.Poll();

        File.AppendAllText(_log, "complete\nhalf of a ");
        follower.Poll();
        Assert.Equal(["complete"], _sink.Lines);
        Assert.Equal(9, follower.Status.PositionBytes);

        File.AppendAllText(_log, "line\r\n");
        follower.Poll();
        follower.Poll();

        Assert.Equal(["complete", "half of a line"], _sink.Lines);
        Assert.Equal(2, follower.Status.LinesDelivered);
        Assert.Equal(25, follower.Status.PositionBytes);
    }

    [Fact]
    public void By_default_reading_starts_at_the_end_and_after_the_line_being_written()
    {
        File.WriteAllText(_log, "old 1\nold 2\nbeing writ");
        var follower = Tail.Follower(_log, _sink);
        follower.Poll();

        File.AppendAllText(_log, "ten\nnew\n");
        follower.Poll();

        Assert.Equal(["new"], _sink.Lines);
    }

    [Fact]
    public void From_start_reads_what_the_file_already_holds()
    {
        File.WriteAllText(_log, "old 1\nold 2\n");
        var follower = Tail.Follower(_log, _sink, fromStart: true);
        follower.Poll();

        File.AppendAllText(_log, "new\n");
        follower.Poll();

        Assert.Equal(["old 1", "old 2", "new"], _sink.Lines);
    }

    [Fact]
    public void A_file_that_does_not_exist_yet_is_waited_for_and_read_from_its_start()
    {
        var logger = new RecordingLogger();
        var follower = Tail.Follower(_log, _sink, logger: logger);
        follower.Poll();
        follower.Poll();
        Assert.False(follower.Status.IsOpen);

        File.WriteAllText(_log, "first\nsecond\n");
        follower.Poll();

        Assert.Equal(["first", "second"], _sink.Lines);
        Assert.True(follower.Status.IsOpen);
        Assert.Single(logger.Entries, e => e.Message.Contains("waiting for it", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sink_hears_of_idleness_once_per_quiet_period_after_lines()
    {
        File.WriteAllText(_log, string.Empty);
        var follower = Tail.Follower(_log, _sink);
        follower.Poll();
        follower.Poll();
        Assert.Equal(0, _sink.Idle);

        File.AppendAllText(_log, "entry\nTraceback (most recent call last):\n");
        follower.Poll();
        Assert.Equal(0, _sink.Idle);
        follower.Poll();
        follower.Poll();
        follower.Poll();

        Assert.Equal(1, _sink.Idle);
    }

    [Fact]
    public void Lines_written_between_the_last_read_and_a_copytruncate_are_read_from_the_copy()
    {
        using var writer = new LogWriter(_log);
        writer.WriteNumbered(0);
        var follower = Tail.Follower(_log, _sink, fromStart: true);
        for (var i = 1; i < 10; i++)
        {
            writer.WriteNumbered(i);
        }

        follower.Poll();
        for (var i = 10; i < 20; i++)
        {
            writer.WriteNumbered(i);
        }

        writer.CopyTruncate(); // 10..19 were never read from odoo.log: only odoo.log.1 has them now
        for (var i = 20; i < 30; i++)
        {
            writer.WriteNumbered(i);
        }

        follower.Poll(); // the rest of the copy, then odoo.log from its start, in one poll

        NumberedLine.AssertSequence(_sink.Numbers(), 0, 30);
        Assert.True(follower.Status.IsOpen);
        Assert.Equal(1, follower.Status.Rotations);
    }

    [Fact]
    public void After_a_rename_the_old_file_is_read_while_it_grows_but_not_forever()
    {
        File.WriteAllText(_log, "before\n");
        var logger = new RecordingLogger();
        var follower = Tail.Follower(_log, _sink, fromStart: true, logger: logger);
        follower.Poll();
        File.Move(_log, _log + ".1");
        File.WriteAllText(_log, "new file\n");

        // A writer that never reopens its log keeps appending to the renamed file.
        using var stale = new FileStream(_log + ".1", FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var polls = 0;
        while (!_sink.Lines.Contains("new file") && polls < 100)
        {
            stale.Write(System.Text.Encoding.UTF8.GetBytes($"late {polls}\n"));
            stale.Flush();
            follower.Poll();
            polls++;
        }

        var lines = _sink.Lines;
        Assert.InRange(polls, 3, 45);
        Assert.Equal(["before", .. Enumerable.Range(0, polls).Select(i => $"late {i}"), "new file"], lines);
        Assert.Single(logger.AtLeast(LogLevel.Warning), m => m.Contains("keeps writing to the old file", StringComparison.Ordinal));
        Assert.Equal(1, follower.Status.Rotations);
    }

    [Fact]
    public void A_truncation_is_seen_even_when_the_file_grew_back_past_the_read_position()
    {
        using var writer = new LogWriter(_log);
        var follower = Tail.Follower(_log, _sink, fromStart: true);
        writer.WriteNumbered(0);
        writer.WriteNumbered(1);
        follower.Poll();

        writer.TruncateInPlace();
        for (var i = 2; i < 10; i++)
        {
            writer.WriteNumbered(i); // longer than before: the size alone would hide the truncation
        }

        follower.Poll();

        NumberedLine.AssertSequence(_sink.Numbers(), 0, 10);
        Assert.Equal(1, follower.Status.Rotations);
    }

    [Fact]
    public void A_path_that_cannot_be_read_is_reported_once_and_retried_until_it_can()
    {
        var logger = new RecordingLogger();
        Directory.CreateDirectory(_log); // not a file: opening it fails on every poll
        var follower = Tail.Follower(_log, _sink, logger: logger);
        for (var i = 0; i < 5; i++)
        {
            follower.Poll();
        }

        Directory.Delete(_log);
        File.WriteAllText(_log, "there before it could be read\n");
        follower.Poll();
        File.AppendAllText(_log, "written after\n");
        follower.Poll();

        Assert.Single(logger.AtLeast(LogLevel.Warning));
        Assert.Equal(["written after"], _sink.Lines);
    }

    [Fact]
    public void A_failing_sink_does_not_stop_the_follower()
    {
        File.WriteAllText(_log, string.Empty);
        var failing = new FailingSink(_sink, failOn: "bad");
        var logger = new RecordingLogger();
        var follower = new FileFollower(_log, Tail.Options(), failing, store: null, logger);
        follower.Poll();

        File.AppendAllText(_log, "good 1\nbad\ngood 2\nbad\n");
        follower.Poll();

        Assert.Equal(["good 1", "good 2"], _sink.Lines);
        Assert.Single(logger.AtLeast(LogLevel.Error));
    }

    private sealed class FailingSink(RecordingSink inner, string failOn) : ILogLineSink
    {
        public void OnLine(ReadOnlySpan<byte> line)
        {
            if (line.SequenceEqual(System.Text.Encoding.UTF8.GetBytes(failOn)))
            {
                throw new InvalidOperationException("consumer bug");
            }

            inner.OnLine(line);
        }

        public void OnLineTooLong() => inner.OnLineTooLong();

        public void OnIdle() => inner.OnIdle();
    }
}

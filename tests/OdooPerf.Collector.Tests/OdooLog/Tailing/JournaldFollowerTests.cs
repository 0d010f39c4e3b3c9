using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OdooPerf.Collector.OdooLog.Tailing;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>The journald follower against real journalctl, reading a journal written by systemd-journal-remote.</summary>
public sealed class JournaldFollowerTests : IDisposable
{
    private const string Unit = "odoo.service";
    private const string Marker = "marker";

    private readonly TempDirectory _directory = new();
    private readonly RecordingLogger _logger = new();
    private readonly string _journal;

    public JournaldFollowerTests()
    {
        ExternalTool.Require(ExternalTool.Journalctl);
        _journal = Path.Join(_directory.Path, "journal");
        Directory.CreateDirectory(_journal);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task By_default_only_entries_written_after_the_start_arrive()
    {
        await using var journal = JournalWriter.Start(_journal);
        for (var i = 0; i < 5; i++)
        {
            journal.Write(Unit, $"old {i}");
        }

        var sink = new RecordingSink();
        var follower = Follower(sink);
        await using var run = FollowerRun.Start(follower);
        await WaitUntilFollowing(journal, sink);

        for (var i = 0; i < 100; i++)
        {
            journal.Write(Unit, NumberedLine.Format(i));
            journal.Write("other.service", "not ours");
        }

        await Eventually.WaitUntilAsync(() => Numbered(sink).Count == 100, () => $"{Numbered(sink).Count} of 100 entries");
        Assert.DoesNotContain(sink.Lines, l => l.StartsWith("old", StringComparison.Ordinal) || l == "not ours");
        NumberedLine.AssertSequence(Numbered(sink).Select(NumberedLine.Parse).ToList(), 0, 100);
        Assert.Equal(sink.Count, follower.Status.LinesDelivered);
        Assert.True(follower.Status.IsOpen);
    }

    [Fact]
    public async Task From_start_reads_the_journal_then_follows_it_and_a_restart_resumes_after_the_saved_cursor()
    {
        await using var journal = JournalWriter.Start(_journal);
        for (var i = 0; i < 10; i++)
        {
            journal.Write(Unit, NumberedLine.Format(i));
        }

        var store = TailStateStore.Open(_directory.File("state.json"), _logger);
        var first = new RecordingSink();
        await using (var run = FollowerRun.Start(Follower(first, store, fromStart: true)))
        {
            await Eventually.WaitUntilAsync(() => first.Count == 10, () => $"{first.Count} of 10 entries");
            for (var i = 10; i < 20; i++)
            {
                journal.Write(Unit, NumberedLine.Format(i));
            }

            await Eventually.WaitUntilAsync(() => first.Count == 20, () => $"{first.Count} of 20 entries");
        }

        store.Save();
        for (var i = 20; i < 30; i++)
        {
            journal.Write(Unit, NumberedLine.Format(i)); // while stopped
        }

        var second = new RecordingSink();
        var reopened = TailStateStore.Open(_directory.File("state.json"), _logger);
        Assert.StartsWith("s=", reopened.Get("journald:" + Unit)?.Cursor);
        await using (var run = FollowerRun.Start(Follower(second, reopened, fromStart: true)))
        {
            await Eventually.WaitUntilAsync(() => second.Count >= 10, () => $"{second.Count} of 10 entries");
            journal.Write(Unit, NumberedLine.Format(30));
            await Eventually.WaitUntilAsync(() => second.Count >= 11, () => $"{second.Count} of 11 entries");
        }

        NumberedLine.AssertSequence(first.Numbers(), 0, 20);
        NumberedLine.AssertSequence(second.Numbers(), 20, 11);
    }

    [Fact]
    public async Task Messages_that_are_not_utf8_or_hold_several_lines_are_delivered_as_lines()
    {
        await using var journal = JournalWriter.Start(_journal);
        byte[] binary = [0x62, 0x61, 0x64, 0x20, 0xff, 0xfe, 0x00, 0x09, 0x21];
        journal.Write(Unit, binary);
        journal.Write(Unit, "ERROR db odoo.http: boom\nTraceback (most recent call last):\n  File \"x.py\", line 1\r\nValueError: \"quoted\" \\ é\n");
        journal.Write(Unit, new string('x', 70 * 1024));
        journal.Write(Unit, "after");
        var sink = new BytesSink();
        var follower = new JournaldFollower(Unit, Tail.Options(fromStart: true) with { JournalDirectory = _journal }, sink, store: null, _logger);
        await using var run = FollowerRun.Start(follower);

        await Eventually.WaitUntilAsync(() => sink.Count == 6, () => $"{sink.Count} of 6 lines");

        Assert.Equal(binary, sink.Lines[0]);
        Assert.Equal(
            ["ERROR db odoo.http: boom", "Traceback (most recent call last):", "  File \"x.py\", line 1", "ValueError: \"quoted\" \\ é", "after"],
            sink.Lines.Skip(1).Select(l => Encoding.UTF8.GetString(l)));
        Assert.Equal(1, sink.TooLong); // the 70 KiB message, over the 64 KiB limit
        Assert.Equal(1, follower.Status.TooLongLines);
    }

    [Fact]
    public async Task A_missing_journalctl_is_reported_once_however_often_it_is_retried()
    {
        var follower = new JournaldFollower(Unit, Tail.Options() with { JournalctlPath = _directory.File("no-such-journalctl") }, new RecordingSink(), store: null, _logger);
        await using var run = FollowerRun.Start(follower);

        await Eventually.WaitUntilAsync(() => follower.Starts >= 4, () => $"{follower.Starts} attempts");

        Assert.Single(_logger.AtLeast(LogLevel.Warning));
        Assert.Contains("no-such-journalctl", _logger.AtLeast(LogLevel.Warning).Single(), StringComparison.Ordinal);
        Assert.False(follower.Status.IsOpen);
    }

    [Fact]
    public async Task A_cursor_journalctl_refuses_is_dropped_and_reading_starts_by_policy()
    {
        await using var journal = JournalWriter.Start(_journal);
        journal.Write(Unit, NumberedLine.Format(0));
        var store = TailStateStore.Open(_directory.File("state.json"), _logger);
        store.Set("journald:" + Unit, SavedPosition.ForJournal("not a cursor"));
        var sink = new RecordingSink();
        await using var run = FollowerRun.Start(Follower(sink, store, fromStart: true));

        await Eventually.WaitUntilAsync(() => sink.Count == 1, () => $"{sink.Count} of 1 entries");

        Assert.Contains(_logger.AtLeast(LogLevel.Warning), m => m.Contains("cursor", StringComparison.Ordinal));
        Assert.StartsWith("s=", store.Get("journald:" + Unit)?.Cursor);
    }

    [Fact]
    public async Task Journalctl_is_killed_when_the_follower_stops()
    {
        await using var journal = JournalWriter.Start(_journal);
        journal.Write(Unit, "x");
        var sink = new RecordingSink();
        var follower = Follower(sink, fromStart: true);
        var run = FollowerRun.Start(follower);
        await Eventually.WaitUntilAsync(() => sink.Count == 1, () => "journalctl running");
        Assert.NotEmpty(JournalctlProcesses());

        await run.DisposeAsync();

        Assert.Empty(JournalctlProcesses());
        Assert.False(follower.Status.IsOpen);
    }

    private JournaldFollower Follower(ILogLineSink sink, TailStateStore? store = null, bool fromStart = false) =>
        new(Unit, Tail.Options(fromStart) with { JournalDirectory = _journal }, sink, store, _logger);

    /// <summary>
    /// journalctl gives no sign of having reached the end of the journal: write markers until one arrives,
    /// after which every new entry will.
    /// </summary>
    private static async Task WaitUntilFollowing(JournalWriter journal, RecordingSink sink)
    {
        var deadline = DateTime.UtcNow + Eventually.DefaultTimeout;
        while (!sink.Lines.Contains(Marker))
        {
            Assert.True(DateTime.UtcNow < deadline, "journalctl never delivered a marker entry");
            journal.Write(Unit, Marker);
            await Task.Delay(50);
        }
    }

    private static List<string> Numbered(RecordingSink sink) => sink.Lines.Where(l => l != Marker).ToList();

    /// <summary>journalctl processes reading this test's journal directory.</summary>
    private List<int> JournalctlProcesses()
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Join(directory, "cmdline"));
                if (commandLine.Contains("journalctl", StringComparison.Ordinal) && commandLine.Contains(_journal, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
        }

        return found;
    }

    private sealed class BytesSink : ILogLineSink
    {
        private readonly List<byte[]> _lines = [];
        private int _tooLong;

        public int Count
        {
            get
            {
                lock (_lines)
                {
                    return _lines.Count;
                }
            }
        }

        public int TooLong => Volatile.Read(ref _tooLong);

        public List<byte[]> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public void OnLine(ReadOnlySpan<byte> line)
        {
            lock (_lines)
            {
                _lines.Add(line.ToArray());
            }
        }

        public void OnLineTooLong() => Interlocked.Increment(ref _tooLong);

        public void OnIdle()
        {
        }
    }
}

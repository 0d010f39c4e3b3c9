using Microsoft.Extensions.Logging;
using OdooPerf.Collector.OdooLog.Tailing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

public sealed class GlobFollowerTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly RecordingLogger _logger = new();
    private readonly Dictionary<string, RecordingSink> _sinks = [];

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_new_matching_file_is_followed_from_its_start_and_rotated_files_are_not()
    {
        var a = _directory.File("a.log");
        File.WriteAllText(a, "old line of a\n");
        File.WriteAllText(_directory.File("notes.txt"), "not a log\n");
        var glob = Glob("*.log");
        await using var run = FollowerRun.Start(glob);
        await Eventually.WaitUntilAsync(() => Statuses(glob).Any(s => s.IsOpen), () => "a.log followed");

        File.AppendAllText(a, "new line of a\n");
        var b = _directory.File("b.log");
        File.WriteAllText(b, "first line of b\nsecond line of b\n");
        await Eventually.WaitUntilAsync(() => Sink(a).Count == 1 && Sink(b).Count == 2, () => $"{Sink(a).Count} + {Sink(b).Count} lines");

        // A rename rotation of a.log: a.log.1 does not match *.log, so it is no source of its own.
        using var writer = new LogWriter(a);
        writer.RotateByRename();
        writer.Write("a after rotation\n");
        await Eventually.WaitUntilAsync(() => Sink(a).Count == 2, () => $"{Sink(a).Count} lines of a");
        await glob.RescanAsync(first: false, CancellationToken.None);

        Assert.Equal(["new line of a", "a after rotation"], Sink(a).Lines);
        Assert.Equal(["first line of b", "second line of b"], Sink(b).Lines);
        Assert.Equal([a, b], Statuses(glob).Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1, Statuses(glob).Single(s => s.Name == a).Rotations);
    }

    [Fact]
    public async Task No_more_files_than_the_limit_are_followed_and_the_excess_is_reported_once()
    {
        for (var i = 0; i < 5; i++)
        {
            File.WriteAllText(_directory.File($"w{i}.log"), string.Empty);
        }

        var glob = new GlobFollower(_directory.File("*.log"), Tail.Options() with { MaxFilesPerGlob = 3 }, CreateSink, store: null, _logger);
        await glob.RescanAsync(first: true, CancellationToken.None);
        await glob.RescanAsync(first: false, CancellationToken.None);
        await glob.RescanAsync(first: false, CancellationToken.None);

        Assert.Equal(3, Statuses(glob).Count);
        Assert.Single(_logger.AtLeast(LogLevel.Warning));
        await using var run = FollowerRun.Start(glob); // stops the followers started above
    }

    [Fact]
    public async Task A_file_gone_for_good_is_dropped_with_its_position()
    {
        var a = _directory.File("a.log");
        File.WriteAllText(a, "x\n");
        var store = TailStateStore.Open(_directory.File("state.json"), _logger);
        var glob = new GlobFollower(_directory.File("*.log"), Tail.Options(), CreateSink, store, _logger);
        await using var run = FollowerRun.Start(glob);
        await Eventually.WaitUntilAsync(() => store.Get(a) is { Offset: 2 }, () => "a.log's position saved");

        File.Delete(a);

        await Eventually.WaitUntilAsync(() => Statuses(glob).Count == 0, () => "a.log dropped");
        Assert.Null(store.Get(a));
    }

    [Fact]
    public void A_pattern_that_matches_rotated_files_is_warned_about()
    {
        Glob("odoo.log*");

        Assert.Single(_logger.AtLeast(LogLevel.Warning), m => m.Contains("rotated files", StringComparison.Ordinal));
    }

    private GlobFollower Glob(string pattern) => new(_directory.File(pattern), Tail.Options(), CreateSink, store: null, _logger);

    private ILogLineSink CreateSink(string path)
    {
        lock (_sinks)
        {
            return Sink(path);
        }
    }

    private RecordingSink Sink(string path)
    {
        lock (_sinks)
        {
            if (!_sinks.TryGetValue(path, out var sink))
            {
                _sinks[path] = sink = new RecordingSink();
            }

            return sink;
        }
    }

    private static List<LogSourceStatus> Statuses(ILogFollower follower)
    {
        var statuses = new List<LogSourceStatus>();
        follower.CollectStatuses(statuses);
        return statuses;
    }
}

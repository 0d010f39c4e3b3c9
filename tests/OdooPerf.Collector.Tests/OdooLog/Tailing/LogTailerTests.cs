using Microsoft.Extensions.Logging.Abstractions;
using OdooPerf.Collector.OdooLog.Tailing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

public sealed class LogTailerTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, RecordingSink> _sinks = [];

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Follows_files_and_globs_with_a_status_each_and_saves_positions_at_stop()
    {
        var main = _directory.File("odoo.log");
        var workers = Path.Join(_directory.Path, "workers");
        Directory.CreateDirectory(workers);
        var worker = Path.Join(workers, "w1.log");
        File.WriteAllText(main, string.Empty);
        File.WriteAllText(worker, string.Empty);
        var stateFile = _directory.File("state.json");
        var tailer = new LogTailer(
            [main, Path.Join(workers, "*.log"), main],
            Tail.Options() with { StateSaveInterval = TimeSpan.FromHours(1) }, // only the save at stop
            TailStateStore.Open(stateFile, NullLogger.Instance),
            Sink,
            NullLogger.Instance);
        var run = FollowerRun.Start(tailer);
        await Eventually.WaitUntilAsync(() => tailer.Statuses().Count(s => s.IsOpen) == 2, () => "both files open");

        File.AppendAllText(main, "m1\nm2\n");
        File.AppendAllText(worker, "w1\n");
        await Eventually.WaitUntilAsync(() => Sink(main).Count == 2 && Sink(worker).Count == 1, () => "lines of both files");
        await run.DisposeAsync();

        Assert.Equal(2, tailer.Followers.Count);
        var statuses = tailer.Statuses().ToDictionary(s => s.Name);
        Assert.Equal([main, worker], statuses.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, statuses[main].LinesDelivered);
        Assert.Equal(6, statuses[main].PositionBytes);
        Assert.Equal(3, statuses[worker].PositionBytes);
        var saved = TailStateStore.Open(stateFile, NullLogger.Instance);
        Assert.Equal(6, saved.Get(main)?.Offset);
        Assert.Equal(3, saved.Get(worker)?.Offset);
    }

    private RecordingSink Sink(string name)
    {
        lock (_sinks)
        {
            if (!_sinks.TryGetValue(name, out var sink))
            {
                _sinks[name] = sink = new RecordingSink();
            }

            return sink;
        }
    }
}

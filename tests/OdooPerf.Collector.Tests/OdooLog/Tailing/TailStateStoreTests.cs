using System.Text.Json;
using Microsoft.Extensions.Logging;
using OdooPerf.Collector.OdooLog.Tailing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

public sealed class TailStateStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly RecordingLogger _logger = new();
    private readonly string _stateFile;

    public TailStateStoreTests()
    {
        _stateFile = _directory.File("state/positions.json");
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Positions_survive_a_save_and_a_reopen()
    {
        var file = new SavedPosition(new FileIdentity(2049, ulong.MaxValue - 1), new FileFingerprint(1024, 0xfedcba9876543210), 123_456_789_012);
        var journal = SavedPosition.ForJournal("s=abc;i=1f;b=def;m=2;t=60a;x=99");
        var store = TailStateStore.Open(_stateFile, _logger);
        store.Set("/var/log/odoo/odoo.log", file);
        store.Set("journald:odoo.service", journal);

        Assert.True(store.Save());
        var reopened = TailStateStore.Open(_stateFile, _logger);

        Assert.Equal(file, reopened.Get("/var/log/odoo/odoo.log"));
        Assert.Equal(journal, reopened.Get("journald:odoo.service"));
        Assert.Null(reopened.Get("/var/log/other.log"));
        Assert.Empty(_logger.Entries);
        Assert.Equal(["positions.json"], Directory.GetFiles(Path.GetDirectoryName(_stateFile)!).Select(Path.GetFileName));
        using var json = JsonDocument.Parse(File.ReadAllBytes(_stateFile));
        Assert.Equal(123_456_789_012, json.RootElement.GetProperty("sources").GetProperty("/var/log/odoo/odoo.log").GetProperty("offset").GetInt64());
    }

    [Fact]
    public void Nothing_is_written_when_nothing_changed()
    {
        var store = TailStateStore.Open(_stateFile, _logger);
        var position = new SavedPosition(new FileIdentity(1, 2), new FileFingerprint(10, 3), 4);
        store.Set("a", position);
        store.Save();
        File.Delete(_stateFile);

        store.Set("a", position with { });
        store.Save();

        Assert.False(File.Exists(_stateFile));
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"version\": 1, \"sources\": {\"/a.log\": {\"device\": \"x\"}}}")]
    [InlineData("{\"version\": 1, \"sources\": {\"/a.log\": {\"device\": 1, \"inode\": 2, \"fingerprintLength\": 5, \"fingerprint\": \"zz\", \"offset\": 3}}}")]
    [InlineData("{\"version\": 1, \"sources\": {\"/a.log\": {\"device\": 1, \"inode\": 2, \"fingerprintLength\": 5, \"fingerprint\": \"ab\", \"offset\": -3}}}")]
    [InlineData("{\"version\": 99, \"sources\": {}}")]
    [InlineData("\u0000\u0001\u0002")]
    public void A_corrupt_file_costs_one_warning_and_a_fresh_start_then_is_rewritten(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_stateFile)!);
        File.WriteAllText(_stateFile, content);

        var store = TailStateStore.Open(_stateFile, _logger);

        Assert.Null(store.Get("/a.log"));
        Assert.Single(_logger.AtLeast(LogLevel.Warning));
        store.Set("/a.log", new SavedPosition(new FileIdentity(1, 2), new FileFingerprint(3, 4), 5));
        Assert.True(store.Save());
        Assert.NotNull(TailStateStore.Open(_stateFile, _logger).Get("/a.log"));
    }

    [Fact]
    public void A_follower_with_a_corrupt_state_file_starts_by_its_policy()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_stateFile)!);
        File.WriteAllText(_stateFile, "{\"version\": 1, \"sources\": {");
        var log = _directory.File("odoo.log");
        File.WriteAllText(log, "old\n");
        var sink = new RecordingSink();
        var follower = Tail.Follower(log, sink, TailStateStore.Open(_stateFile, _logger));
        follower.Poll();

        File.AppendAllText(log, "new\n");
        follower.Poll();

        Assert.Equal(["new"], sink.Lines);
        Assert.Single(_logger.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public void A_state_file_that_cannot_be_read_or_written_is_reported_once()
    {
        Directory.CreateDirectory(_stateFile); // a directory where the file should be

        var store = TailStateStore.Open(_stateFile, _logger);
        for (var i = 0; i < 3; i++)
        {
            store.Set("/a.log", new SavedPosition(new FileIdentity(1, 2), new FileFingerprint(3, 4), i));
            Assert.False(store.Save());
        }

        Assert.Equal(2, _logger.AtLeast(LogLevel.Warning).Count()); // one for reading, one for writing
    }
}

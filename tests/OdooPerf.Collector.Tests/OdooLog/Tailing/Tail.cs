using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OdooPerf.Collector.OdooLog.Tailing;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>Short intervals for tests, and followers built with them.</summary>
internal static class Tail
{
    public static TailOptions Options(bool fromStart = false, int maxLineBytes = 64 * 1024) => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        GlobRescanInterval = TimeSpan.FromMilliseconds(50),
        StateSaveInterval = TimeSpan.FromMilliseconds(50),
        JournalRestartDelay = TimeSpan.FromMilliseconds(100),
        JournalRestartMaxDelay = TimeSpan.FromSeconds(1),
        FromStart = fromStart,
        MaxLineBytes = maxLineBytes,
    };

    public static FileFollower Follower(string path, ILogLineSink sink, TailStateStore? store = null, bool fromStart = false, ILogger? logger = null) =>
        new(path, Options(fromStart), sink, store, logger ?? NullLogger.Instance);
}

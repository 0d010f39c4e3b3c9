using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Integration;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Sigterm_stops_the_daemon_cleanly_within_5_seconds()
    {
        await using var collector = await CollectorProcess.StartAsync();
        await collector.ScrapeTextAsync();

        var took = await collector.TerminateAsync(TimeSpan.FromSeconds(5));

        Assert.True(collector.HasExited);
        Assert.Equal(0, collector.ExitCode);
        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}");
    }
}

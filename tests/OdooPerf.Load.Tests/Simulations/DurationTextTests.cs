using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Simulations;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("5m", 300_000)]
    [InlineData("2min", 120_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("250ms", 250)]
    [InlineData("0.5s", 500)]
    [InlineData("1.5", 1_500)]
    [InlineData("30", 30_000)]
    [InlineData(" 10s ", 10_000)]
    public void Parses_what_testers_write(string text, double milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("-1s")]
    [InlineData("5x")]
    [InlineData("s")]
    [InlineData("ms")]
    [InlineData("1h 30m")]
    [InlineData("1,5s")]
    [InlineData("10 s")]
    [InlineData("1.2.3s")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999")]
    [InlineData("99999999999999999999h")]
    public void Rejects_anything_else_without_throwing(string? text)
    {
        Assert.False(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(300_000, "5m")]
    [InlineData(7_200_000, "2h")]
    [InlineData(90_000_000, "25h")]
    [InlineData(3_661_000, "1h1m1s")]
    [InlineData(250, "250ms")]
    [InlineData(1_500, "1.5s")]
    [InlineData(0, "0ms")]
    public void Formats_as_testers_write(double milliseconds, string text)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Equal(text, DurationText.Format(duration));
        Assert.True(DurationText.TryParse(text, out var back));
        Assert.Equal(duration, back);
    }
}

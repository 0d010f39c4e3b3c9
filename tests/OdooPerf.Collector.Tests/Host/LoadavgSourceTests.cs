using System.Globalization;
using OdooPerf.Collector.Host;
using Xunit;

namespace OdooPerf.Collector.Tests.Host;

public sealed class LoadavgSourceTests
{
    [Fact]
    public void Server_load_averages_are_the_first_three_fields()
    {
        var loads = LoadavgSource.Parse(ProcFixture.Read(ProcFixture.Server, "loadavg"));

        Assert.Equal(new[] { 37.41, 29.86, 24.03 }, loads);
    }

    [Fact]
    public void Real_machine_load_averages_match_the_text()
    {
        var text = ProcFixture.Read(ProcFixture.RealMachine, "loadavg");
        var expected = ProcFixture.Fields(text.Trim())[..3].Select(f => double.Parse(f, CultureInfo.InvariantCulture));

        Assert.Equal(expected, LoadavgSource.Parse(text));
    }

    [Fact]
    public async Task Server_loads_are_published_as_node_load1_5_15()
    {
        var scraped = await ScrapedText.RefreshAsync((factory, guard) => new LoadavgSource(ProcFixture.ProcFs(ProcFixture.Server), factory, guard));

        Assert.Equal(37.41, scraped.Value("node_load1"));
        Assert.Equal(29.86, scraped.Value("node_load5"));
        Assert.Equal(24.03, scraped.Value("node_load15"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0.50 0.40\n")]
    [InlineData("0.50 n/a 0.30 1/100 4242\n")]
    public void Malformed_text_is_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => LoadavgSource.Parse(text));
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using OdooPerf.Collector.Host;
using Xunit;

namespace OdooPerf.Collector.Tests.Host;

public sealed class PressureSourceTests
{
    [Theory]
    [InlineData("cpu", "some", 987654.321012)]
    [InlineData("cpu", "full", 0)]
    [InlineData("memory", "some", 12345.678901)]
    [InlineData("memory", "full", 9876.54321)]
    [InlineData("io", "some", 456789.012345)]
    [InlineData("io", "full", 345678.901234)]
    public void Server_totals_are_microseconds_converted_to_seconds(string resource, string kind, double seconds)
    {
        var totals = PressureSource.Parse(ProcFixture.Read(ProcFixture.Server, $"pressure/{resource}"));

        Assert.Equal(seconds, totals[kind], precision: 6);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("memory")]
    [InlineData("io")]
    public void Real_machine_totals_match_the_total_fields(string resource)
    {
        var text = ProcFixture.Read(ProcFixture.RealMachine, $"pressure/{resource}");
        var expected = Regex.Matches(text, @"^(some|full) .*total=(\d+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 1_000_000);

        var totals = PressureSource.Parse(text);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, totals);
    }

    [Fact]
    public void A_kernel_without_the_full_line_has_only_some()
    {
        // /proc/pressure/cpu before Linux 5.13.
        var totals = PressureSource.Parse("some avg10=1.00 avg60=0.50 avg300=0.25 total=2500000\n");

        var some = Assert.Single(totals);
        Assert.Equal("some", some.Key);
        Assert.Equal(2.5, some.Value);
    }

    [Fact]
    public async Task Server_pressure_is_published_under_node_exporter_names()
    {
        var scraped = await ScrapedText.RefreshAsync((factory, guard) =>
            new PressureSource(ProcFixture.ProcFs(ProcFixture.Server), factory, guard, NullLogger<PressureSource>.Instance));

        Assert.Equal(987654.321012, scraped.Value("node_pressure_cpu_waiting_seconds_total")!.Value, precision: 6);
        Assert.Equal(12345.678901, scraped.Value("node_pressure_memory_waiting_seconds_total")!.Value, precision: 6);
        Assert.Equal(9876.54321, scraped.Value("node_pressure_memory_stalled_seconds_total")!.Value, precision: 6);
        Assert.Equal(456789.012345, scraped.Value("node_pressure_io_waiting_seconds_total")!.Value, precision: 6);
        Assert.Equal(345678.901234, scraped.Value("node_pressure_io_stalled_seconds_total")!.Value, precision: 6);
    }

    [Fact]
    public async Task Without_proc_pressure_the_source_publishes_nothing_and_stays_off()
    {
        var missing = new ProcFs(Path.Combine(ProcFixture.Directory(ProcFixture.Server), "no-such-procfs"));
        PressureSource? source = null;

        var scraped = await ScrapedText.RefreshAsync((factory, guard) =>
            source = new PressureSource(missing, factory, guard, NullLogger<PressureSource>.Instance));

        Assert.False(source!.Available);
        Assert.Null(scraped.Value("node_pressure_cpu_waiting_seconds_total"));
        Assert.Null(scraped.Value("node_pressure_io_stalled_seconds_total"));
    }
}

using System.Globalization;
using OdooPerf.Collector.Host;
using OdooPerf.Collector.Scraping;
using OdooPerf.Collector.Tests.Scraping;
using Prometheus;
using Xunit;

namespace OdooPerf.Collector.Tests.Host;

/// <summary>
/// The /proc fixture sets under Fixtures/proc (see its README.md): each is laid out like /proc, so a
/// <see cref="ProcFs"/> can point at it.
/// </summary>
internal static class ProcFixture
{
    /// <summary>Copied from the machine the tests were written on: assert only what the text itself says.</summary>
    public const string RealMachine = "vm-2cpu";

    /// <summary>Hand-written to the kernel's format: its values are known and can be asserted.</summary>
    public const string Server = "server-96cpu";

    public static string Directory(string set) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "proc", set);

    public static string Read(string set, string relative) => File.ReadAllText(Path.Combine(Directory(set), relative));

    public static ProcFs ProcFs(string set) => new(Directory(set));

    /// <summary>The non-empty lines of a fixture text.</summary>
    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The whitespace-separated fields of a line, split independently of the code under test.</summary>
    public static string[] Fields(string line) => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    public static ulong UInt64(string field) => ulong.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>
/// What a source publishes after one refresh, read back from the Prometheus text exposition, so that tests
/// see metric names, labels and units as Prometheus will.
/// </summary>
internal sealed class ScrapedText
{
    private readonly Dictionary<string, double> _samples = new(StringComparer.Ordinal);

    private ScrapedText(string text)
    {
        Text = text;
        foreach (var line in ProcFixture.Lines(text))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            _samples[line[..space]] = double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }

    public string Text { get; }

    /// <summary>Creates a source on a fresh registry, refreshes it once and exports the registry.</summary>
    public static async Task<ScrapedText> RefreshAsync(Func<IMetricFactory, CardinalityGuard, IMetricSource> create)
    {
        var registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(registry);
        var source = create(factory, new CardinalityGuard(factory));
        await source.RefreshAsync(CancellationToken.None);
        return new ScrapedText(await Exposition.CollectTextAsync(registry));
    }

    /// <summary>The value of a series written as in the exposition, e.g. <c>node_load1</c> or <c>m{a="b"}</c>; null when absent.</summary>
    public double? Value(string series) => _samples.TryGetValue(series, out var value) ? value : null;
}

public sealed class ProcFixtureTests
{
    public static TheoryData<string, string> FixtureFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in new[] { ProcFixture.RealMachine, ProcFixture.Server })
        {
            foreach (var file in new[] { "stat", "meminfo", "loadavg", "diskstats", "net/dev", "1/mounts", "pressure/cpu", "pressure/memory", "pressure/io" })
            {
                data.Add(set, file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Every_fixture_file_is_copied_to_the_test_output_and_not_empty(string set, string file)
    {
        var text = ProcFixture.Read(set, file);

        Assert.NotEmpty(ProcFixture.Lines(text));
    }

    [Fact]
    public void Each_set_has_a_process_stat_file()
    {
        Assert.True(File.Exists(Path.Combine(ProcFixture.Directory(ProcFixture.RealMachine), "self", "stat")));
        Assert.True(File.Exists(Path.Combine(ProcFixture.Directory(ProcFixture.Server), "4242", "stat")));
    }
}

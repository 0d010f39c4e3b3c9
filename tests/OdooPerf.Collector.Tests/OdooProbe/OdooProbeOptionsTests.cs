using Microsoft.Extensions.Logging.Abstractions;
using OdooPerf.Collector.Hosting;
using OdooPerf.Collector.OdooProbe;
using OdooPerf.Collector.Tests.Hosting;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooProbe;

// Loading the configuration reads ODOOPERF_ variables: keep clear of tests that set them.
[Collection(nameof(EnvironmentVariables))]
public sealed class OdooProbeOptionsTests
{
    private static readonly Dictionary<string, string?> NoFlags = [];

    [Fact]
    public void By_default_there_is_no_probe()
    {
        var (_, options) = CollectorConfiguration.Load(null, NoFlags);

        Assert.False(options.OdooProbe.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(4), options.OdooProbe.Timeout);
        Assert.False(options.OdooProbe.DatabaseStatus);
        Assert.Equal(TimeSpan.FromMinutes(10), options.OdooProbe.VersionRefreshInterval);
        Assert.DoesNotContain(Sources(options), s => s == OdooProbeSource.SourceName);
    }

    [Fact]
    public void The_flag_sets_the_url_and_adds_the_source()
    {
        var (_, options) = CollectorConfiguration.Load(null, new Dictionary<string, string?> { ["OdooProbe:Url"] = "http://127.0.0.1:8069" });

        Assert.Equal("http://127.0.0.1:8069", options.OdooProbe.Url);
        Assert.Contains(OdooProbeSource.SourceName, Sources(options));
    }

    [Fact]
    public void The_environment_sets_the_section()
    {
        using var env = new EnvironmentVariables(("ODOOPERF_ODOOPROBE__URL", "https://erp.example.com/odoo"), ("ODOOPERF_ODOOPROBE__DATABASESTATUS", "true"));

        var (_, options) = CollectorConfiguration.Load(null, NoFlags);

        Assert.Equal("https://erp.example.com/odoo", options.OdooProbe.Url);
        Assert.True(options.OdooProbe.DatabaseStatus);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:8069", "expected an absolute http:// or https:// URL")]
    [InlineData("127.0.0.1:8069", "expected an absolute http:// or https:// URL")]
    [InlineData("localhost:8069", "expected an absolute http:// or https:// URL")]
    [InlineData("/odoo", "expected an absolute http:// or https:// URL")]
    [InlineData("http://", "expected an absolute http:// or https:// URL")]
    [InlineData("odoo", "expected an absolute http:// or https:// URL")]
    [InlineData("http://127.0.0.1:8069/web?db=prod", "without a query string or fragment")]
    [InlineData("http://127.0.0.1:8069/#home", "without a query string or fragment")]
    public void A_bad_url_is_a_one_line_error_naming_the_flag(string url, string reason)
    {
        var error = Assert.Throws<StartupException>(() => CollectorConfiguration.Load(null, new Dictionary<string, string?> { ["OdooProbe:Url"] = url }));

        Assert.StartsWith("invalid --odoo-url (OdooProbe:Url)", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("ftp://monitor:s3cret@127.0.0.1/")]
    [InlineData("http://monitor:s3cret@127.0.0.1/?db=prod")]
    [InlineData("http://monitor:s3cret@[bad/")]
    [InlineData("monitor:s3cret@127.0.0.1")]
    public void A_password_in_a_bad_url_never_reaches_the_error(string url)
    {
        var error = Assert.Throws<StartupException>(() => CollectorConfiguration.Load(null, new Dictionary<string, string?> { ["OdooProbe:Url"] = url }));

        Assert.Contains("--odoo-url", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "OdooProbe": { "Url": "http://127.0.0.1:8069", "Timeout": "00:00:00" } }""", "OdooProbe:Timeout")]
    [InlineData("""{ "OdooProbe": { "Url": "http://127.0.0.1:8069", "Timeout": "00:00:05" } }""", "less than Scrape:SourceTimeout")]
    [InlineData("""{ "OdooProbe": { "Url": "http://127.0.0.1:8069" }, "Scrape": { "SourceTimeout": "00:00:02" } }""", "OdooProbe:Timeout")]
    [InlineData("""{ "OdooProbe": { "Url": "http://127.0.0.1:8069", "VersionRefreshInterval": "00:00:00" } }""", "OdooProbe:VersionRefreshInterval")]
    [InlineData("""{ "OdooProbe": { "Url": "http://127.0.0.1:8069", "Interval": "00:00:10" } }""", "unknown setting 'OdooProbe:Interval'")]
    public void Out_of_range_probe_settings_are_rejected_naming_the_setting(string json, string expected)
    {
        var file = Path.Join(Path.GetTempPath(), $"odooperf-probe-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            var error = Assert.Throws<StartupException>(() => CollectorConfiguration.Load(file, NoFlags));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Timeouts_are_only_checked_when_the_probe_is_on()
    {
        var file = Path.Join(Path.GetTempPath(), $"odooperf-probe-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "OdooProbe": { "Timeout": "00:00:09" } }""");
        try
        {
            var (_, options) = CollectorConfiguration.Load(file, NoFlags);

            Assert.Equal(TimeSpan.FromSeconds(9), options.OdooProbe.Timeout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<string> Sources(CollectorOptions options)
    {
        options.Host.Enabled = false;
        options.OdooProcesses.Enabled = false;
        var metrics = new CollectorMetrics(options, NullLoggerFactory.Instance, "test");
        return metrics.Sources.Select(s => s.Name);
    }
}

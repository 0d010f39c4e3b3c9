using OdooPerf.Collector.Hosting;
using Xunit;

namespace OdooPerf.Collector.Tests.Hosting;

// Environment variables are process-wide: these tests must not run beside others that read them.
[Collection(nameof(EnvironmentVariables))]
public sealed class CollectorConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("odooperf-config-").FullName;

    [Fact]
    public void Embedded_defaults_need_no_file()
    {
        var (_, options) = CollectorConfiguration.Load(null, NoFlags);

        Assert.Equal("127.0.0.1:9720", options.Listen);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Scrape.CacheTtl);
        Assert.True(options.Host.Enabled);
    }

    [Fact]
    public void Flags_override_the_environment_which_overrides_the_file()
    {
        var file = Write("""{ "Listen": "127.0.0.1:1001", "Scrape": { "CacheTtl": "00:00:03", "SourceTimeout": "00:00:02" } }""");
        using var env = new EnvironmentVariables(("ODOOPERF_SCRAPE__CACHETTL", "00:00:04"), ("ODOOPERF_LISTEN", "127.0.0.1:1002"));

        var (_, fromFileAndEnv) = CollectorConfiguration.Load(file, NoFlags);
        var (_, withFlag) = CollectorConfiguration.Load(file, new Dictionary<string, string?> { ["Listen"] = "127.0.0.1:1003" });

        Assert.Equal(TimeSpan.FromSeconds(2), fromFileAndEnv.Scrape.SourceTimeout);
        Assert.Equal(TimeSpan.FromSeconds(4), fromFileAndEnv.Scrape.CacheTtl);
        Assert.Equal("127.0.0.1:1002", fromFileAndEnv.Listen);
        Assert.Equal("127.0.0.1:1003", withFlag.Listen);
    }

    [Fact]
    public void A_misspelt_setting_is_an_error_not_silently_ignored()
    {
        var file = Write("""{ "Scrape": { "CacheTTLSeconds": 3 } }""");

        var error = Assert.Throws<StartupException>(() => CollectorConfiguration.Load(file, NoFlags));

        Assert.StartsWith("unknown setting 'Scrape:CacheTTLSeconds'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_example_config_loads_and_holds_the_defaults()
    {
        var example = OdooPerf.Testing.RepositoryFile.Find("deploy/odooperf.example.json");

        var (_, fromExample) = CollectorConfiguration.Load(example, NoFlags);
        var (_, defaults) = CollectorConfiguration.Load(null, NoFlags);

        // The example spells the default executable names out; an empty list means the same.
        defaults.OdooProcesses.ExecutableNames = [.. defaults.OdooProcesses.EffectiveExecutableNames];
        defaults.Postgres.OdooTables = [.. defaults.Postgres.EffectiveOdooTables];
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(defaults), System.Text.Json.JsonSerializer.Serialize(fromExample));
    }

    [Fact]
    public void A_password_in_a_connection_string_never_reaches_an_error_message()
    {
        var file = Write("""{ "Postgres": { "Servers": [ { "ConnectionString": "Host=a;Password=s3cr3t-value;Frobnicate=1" } ] } }""");

        var error = Assert.Throws<StartupException>(() => CollectorConfiguration.Load(file, NoFlags));

        Assert.DoesNotContain("s3cr3t-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pg_flag_sets_the_first_server()
    {
        var (_, options) = CollectorConfiguration.Load(null, new Dictionary<string, string?> { ["Postgres:Servers:0:ConnectionString"] = "Host=/var/run/postgresql;Username=odooperf" });

        Assert.Equal("Host=/var/run/postgresql;Username=odooperf", Assert.Single(options.Postgres.Servers).ConnectionString);
    }

    [Fact]
    public void Configured_odoo_executable_names_replace_the_defaults()
    {
        var (_, defaults) = CollectorConfiguration.Load(null, NoFlags);
        var (_, configured) = CollectorConfiguration.Load(Write("""{ "OdooProcesses": { "ExecutableNames": [ "my-odoo" ] } }"""), NoFlags);

        Assert.Equal(["odoo-bin", "odoo", "openerp-server", "odoo.py"], defaults.OdooProcesses.EffectiveExecutableNames);
        Assert.Equal(["my-odoo"], configured.OdooProcesses.EffectiveExecutableNames);
    }

    [Fact]
    public void Invalid_json_names_the_file_on_one_line()
    {
        var file = Write("{ \"Listen\": \n");

        var error = Assert.Throws<StartupException>(() => CollectorConfiguration.Load(file, NoFlags));

        Assert.StartsWith($"config file '{file}' is not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_an_error()
    {
        var file = Write("""{ "Scrape": { "CacheTtl": "soon" } }""");

        var error = Assert.Throws<StartupException>(() => CollectorConfiguration.Load(file, NoFlags));

        Assert.Contains("soon", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "Scrape": { "SourceTimeout": "00:00:00" } }""", "Scrape:SourceTimeout")]
    [InlineData("""{ "Scrape": { "MaxSeriesPerMetric": 0 } }""", "Scrape:MaxSeriesPerMetric")]
    [InlineData("""{ "Host": { "ProcPath": "/nonexistent-proc" } }""", "Host:ProcPath")]
    [InlineData("""{ "Logging": { "Level": "Chatty" } }""", "Logging:Level")]
    [InlineData("""{ "Tracing": { "OtlpEndpoint": "collector:4317" } }""", "Tracing:OtlpEndpoint")]
    [InlineData("""{ "Postgres": { "StatementTimeout": "00:00:09", "Servers": [ { "ConnectionString": "Host=a" } ] } }""", "Postgres:StatementTimeout")]
    [InlineData("""{ "Postgres": { "Servers": [ { "Name": "a" } ] } }""", "ConnectionString is missing")]
    [InlineData("""{ "Postgres": { "Servers": [ { "ConnectionString": "Host=a;Frobnicate=1" } ] } }""", "Postgres:Servers:0:ConnectionString")]
    [InlineData("""{ "Postgres": { "Servers": [ { "ConnectionString": "Host=a" }, { "ConnectionString": "Host=b" } ] } }""", "needs a Name of its own")]
    [InlineData("""{ "OdooLog": { "PollInterval": "00:00:00" } }""", "OdooLog:PollInterval")]
    [InlineData("""{ "OdooLog": { "MaxLineBytes": 10 } }""", "OdooLog:MaxLineBytes")]
    [InlineData("""{ "OdooLog": { "TopModels": -1 } }""", "OdooLog:TopModels")]
    [InlineData("""{ "OdooLog": { "AdmitAfter": 0 } }""", "OdooLog:AdmitAfter")]
    [InlineData("""{ "OdooLog": { "Paths": [ "journald:" ] } }""", "expected journald:UNIT")]
    [InlineData("""{ "OdooLog": { "Paths": [ "/nonexistent-dir/odoo.log" ] } }""", "directory '/nonexistent-dir' does not exist")]
    [InlineData("""{ "OdooLog": { "Paths": [ "/var/*/odoo.log" ] } }""", "wildcards are allowed in the file name only")]
    [InlineData("""{ "OdooLog": { "Paths": [ "/tmp" ] } }""", "this is a directory")]
    public void Out_of_range_options_are_rejected_naming_the_setting(string json, string setting)
    {
        var error = Assert.Throws<StartupException>(() => CollectorConfiguration.Load(Write(json), NoFlags));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IReadOnlyDictionary<string, string?> NoFlags => new Dictionary<string, string?>();

    private string Write(string json)
    {
        var path = Path.Join(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}

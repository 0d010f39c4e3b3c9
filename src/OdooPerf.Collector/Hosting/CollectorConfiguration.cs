using Microsoft.Extensions.Configuration;

namespace OdooPerf.Collector.Hosting;

/// <summary>
/// Builds the collector's configuration: the JSON file named by <c>--config</c>, then environment
/// variables prefixed <c>ODOOPERF_</c> (sections separated by <c>__</c>, as in
/// <c>ODOOPERF_SCRAPE__CACHETTL</c>), then the command-line flags, over the embedded defaults of
/// <see cref="CollectorOptions"/>. Every problem becomes a one-line <see cref="StartupException"/>.
/// </summary>
public static class CollectorConfiguration
{
    public const string EnvironmentPrefix = "ODOOPERF_";

    /// <summary>Loads and validates the options; <paramref name="flags"/> maps configuration keys to flag values.</summary>
    public static (IConfiguration Configuration, CollectorOptions Options) Load(string? configFile, IReadOnlyDictionary<string, string?> flags)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            var path = CheckReadable(configFile);
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddInMemoryCollection(flags.Where(f => f.Value is not null));

        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (InvalidDataException ex)
        {
            throw new StartupException($"config file '{configFile}' is not valid JSON: {OneLine(Innermost(ex).Message)}");
        }
        catch (FormatException ex)
        {
            throw new StartupException($"config file '{configFile}' cannot be read: {OneLine(ex.Message)}");
        }

        CollectorOptions options;
        try
        {
            options = configuration.Get<CollectorOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new CollectorOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException(UnknownSettings(ex.Message) ?? $"invalid configuration: {OneLine(Innermost(ex).Message)}");
        }

        CollectorOptionsValidator.ThrowIfInvalid(options);
        return (configuration, options);
    }

    private static string CheckReadable(string configFile)
    {
        var path = Path.GetFullPath(configFile);
        if (Directory.Exists(path))
        {
            throw new StartupException($"cannot read config file '{configFile}': it is a directory");
        }

        try
        {
            using var stream = File.OpenRead(path);
        }
        catch (FileNotFoundException)
        {
            throw new StartupException($"cannot read config file '{configFile}': no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new StartupException($"cannot read config file '{configFile}': no such directory");
        }
        catch (UnauthorizedAccessException)
        {
            throw new StartupException($"cannot read config file '{configFile}': permission denied");
        }
        catch (IOException ex)
        {
            throw new StartupException($"cannot read config file '{configFile}': {OneLine(ex.Message)}");
        }

        return path;
    }

    // The binder reports unknown keys as "... were not found on the instance of TYPE: 'A', 'B'"; say it in
    // the user's terms: the setting's path, and where the settings are listed.
    private static string? UnknownSettings(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"not found on the instance of (?<type>[\w.]+): (?<names>.+)$");
        if (!match.Success)
        {
            return null;
        }

        var section = SectionOf(match.Groups["type"].Value.Split('.')[^1]);
        var names = match.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries).Select(n => $"'{section}{n.Trim('\'')}'");
        return $"unknown setting {string.Join(", ", names)} (every setting is listed in deploy/odooperf.example.json; environment variables are ODOOPERF_SECTION__KEY)";
    }

    private static string SectionOf(string typeName) => typeName switch
    {
        nameof(CollectorOptions) => string.Empty,
        nameof(Scraping.ScrapeOptions) => "Scrape:",
        nameof(Host.HostMetricsOptions) => "Host:",
        nameof(Host.OdooProcessesOptions) => "OdooProcesses:",
        nameof(LoggingOptions) => "Logging:",
        nameof(TracingOptions) => "Tracing:",
        nameof(Postgres.PostgresOptions) => "Postgres:",
        nameof(Postgres.PostgresServerOptions) => "Postgres:Servers:N:",
        nameof(OdooLog.OdooLogOptions) => "OdooLog:",
        nameof(OdooProbe.OdooProbeOptions) => "OdooProbe:",
        _ => string.Empty,
    };

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

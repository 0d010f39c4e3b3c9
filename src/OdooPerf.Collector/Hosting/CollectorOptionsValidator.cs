using Serilog.Events;

namespace OdooPerf.Collector.Hosting;

/// <summary>Checks the options before anything starts, so a mistake is one line on stderr, not a failure later.</summary>
public static class CollectorOptionsValidator
{
    private static readonly string[] LogFormats = ["auto", "text", "journald", "json"];
    private static readonly string[] OtlpProtocols = ["grpc", "http/protobuf"];

    public static void ThrowIfInvalid(CollectorOptions options)
    {
        var error = FirstError(options);
        if (error is not null)
        {
            throw new StartupException(error);
        }
    }

    public static string? FirstError(CollectorOptions options)
    {
        try
        {
            ListenAddress.Parse(options.Listen);
        }
        catch (StartupException ex)
        {
            return ex.Message;
        }

        var scrape = options.Scrape;
        if (scrape.SourceTimeout <= TimeSpan.Zero || scrape.SourceTimeout > TimeSpan.FromMinutes(5))
        {
            return $"invalid Scrape:SourceTimeout '{scrape.SourceTimeout}': it must be more than 0 and at most 5 minutes";
        }

        if (scrape.CacheTtl < TimeSpan.Zero)
        {
            return $"invalid Scrape:CacheTtl '{scrape.CacheTtl}': it cannot be negative";
        }

        if (scrape.MaxSeriesPerMetric < 1)
        {
            return $"invalid Scrape:MaxSeriesPerMetric '{scrape.MaxSeriesPerMetric}': it must be at least 1";
        }

        if ((options.Host.Enabled || options.OdooProcesses.Enabled) && !Directory.Exists(Path.Join(options.Host.ProcPath, "self")))
        {
            return $"invalid Host:ProcPath '{options.Host.ProcPath}': no procfs there (host metrics need Linux /proc)";
        }

        if (options.Host.MountTimeout <= TimeSpan.Zero)
        {
            return $"invalid Host:MountTimeout '{options.Host.MountTimeout}': it must be more than 0";
        }

        if (PostgresError(options) is { } postgres)
        {
            return postgres;
        }

        if (OdooLogError(options.OdooLog) is { } odooLog)
        {
            return odooLog;
        }

        if (OdooProbeError(options) is { } odooProbe)
        {
            return odooProbe;
        }

        if (!Enum.TryParse<LogEventLevel>(options.Logging.Level, ignoreCase: true, out _))
        {
            return $"invalid Logging:Level '{options.Logging.Level}': use Verbose, Debug, Information, Warning, Error or Fatal";
        }

        if (!LogFormats.Contains(options.Logging.Format, StringComparer.OrdinalIgnoreCase))
        {
            return $"invalid Logging:Format '{options.Logging.Format}': use {string.Join(", ", LogFormats)}";
        }

        if (options.Tracing.OtlpEndpoint is { } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            return $"invalid Tracing:OtlpEndpoint '{endpoint}': expected an http:// or https:// URL";
        }

        if (options.Tracing.OtlpProtocol is { } protocol && !OtlpProtocols.Contains(protocol, StringComparer.OrdinalIgnoreCase))
        {
            return $"invalid Tracing:OtlpProtocol '{protocol}': use grpc or http/protobuf";
        }

        return null;
    }

    private static string? OdooProbeError(CollectorOptions options)
    {
        var probe = options.OdooProbe;
        if (!probe.Enabled)
        {
            return null;
        }

        if (OdooProbe.OdooProbeTarget.Parse(probe.Url, out var error) is null)
        {
            return $"invalid --odoo-url (OdooProbe:Url) '{OdooProbe.OdooProbeTarget.Redact(probe.Url)}': {error}";
        }

        if (probe.Timeout <= TimeSpan.Zero || probe.Timeout >= options.Scrape.SourceTimeout)
        {
            // The probe must give up before the scrape deadline does, so that a hung Odoo reads as odoo_up 0.
            return $"invalid OdooProbe:Timeout '{probe.Timeout}': it must be more than 0 and less than Scrape:SourceTimeout ({options.Scrape.SourceTimeout}); lower one or raise the other";
        }

        return probe.VersionRefreshInterval <= TimeSpan.Zero || probe.VersionRefreshInterval > TimeSpan.FromDays(1)
            ? $"invalid OdooProbe:VersionRefreshInterval '{probe.VersionRefreshInterval}': it must be more than 0 and at most 1 day"
            : null;
    }

    private static string? OdooLogError(OdooLog.OdooLogOptions log)
    {
        foreach (var path in log.Paths)
        {
            if (OdooLog.OdooLogPath.Error(path) is { } error)
            {
                return $"invalid --odoo-log '{path}': {error}";
            }
        }

        if (log.PollInterval <= TimeSpan.Zero || log.PollInterval > TimeSpan.FromMinutes(1))
        {
            return $"invalid OdooLog:PollInterval '{log.PollInterval}': it must be more than 0 and at most 1 minute";
        }

        if (log.MaxLineBytes < 1024 || log.MaxLineBytes > 16 * 1024 * 1024)
        {
            return $"invalid OdooLog:MaxLineBytes '{log.MaxLineBytes}': it must be between 1024 and 16777216";
        }

        var bounds = new (string Name, int Value)[]
        {
            ("TopModels", log.TopModels), ("TopMethods", log.TopMethods), ("TopLoggers", log.TopLoggers),
            ("TopCronJobs", log.TopCronJobs), ("TopExceptions", log.TopExceptions),
        };
        foreach (var (name, value) in bounds)
        {
            if (value < 0 || value > 1000)
            {
                return $"invalid OdooLog:{name} '{value}': it must be between 0 and 1000";
            }
        }

        return log.AdmitAfter < 1 ? $"invalid OdooLog:AdmitAfter '{log.AdmitAfter}': it must be at least 1" : null;
    }

    private static string? PostgresError(CollectorOptions options)
    {
        var postgres = options.Postgres;
        if (postgres.StatementTimeout <= TimeSpan.Zero
            || (postgres.Servers.Count > 0 && postgres.StatementTimeout >= options.Scrape.SourceTimeout))
        {
            // A query must give up before the scrape deadline does, or a slow one holds the session.
            return $"invalid Postgres:StatementTimeout '{postgres.StatementTimeout}': it must be more than 0 and less than Scrape:SourceTimeout ({options.Scrape.SourceTimeout}); lower one or raise the other";
        }

        if (postgres.LockTimeout <= TimeSpan.Zero || postgres.LockTimeout > postgres.StatementTimeout)
        {
            return $"invalid Postgres:LockTimeout '{postgres.LockTimeout}': it must be more than 0 and at most Postgres:StatementTimeout";
        }

        if (postgres.TopTables < 1 || postgres.TopStatements < 1 || postgres.MaxDatabases < 1)
        {
            return "invalid Postgres:TopTables, TopStatements or MaxDatabases: each must be at least 1";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < postgres.Servers.Count; i++)
        {
            var server = postgres.Servers[i];
            var key = $"Postgres:Servers:{i}";
            if (string.IsNullOrWhiteSpace(server.ConnectionString))
            {
                return $"invalid {key}: ConnectionString is missing";
            }

            try
            {
                // Checks the syntax; the message of a failure names the key at fault, never a value.
                _ = Postgres.PostgresConnections.Settings(server, postgres, options.Scrape.SourceTimeout);
            }
            catch (ArgumentException ex)
            {
                return $"invalid {key}:ConnectionString: {ex.Message}";
            }

            if (postgres.Servers.Count > 1 && (string.IsNullOrWhiteSpace(server.Name) || !names.Add(server.Name)))
            {
                return $"invalid {key}:Name: with several servers each needs a Name of its own (it becomes the server label)";
            }
        }

        return null;
    }
}

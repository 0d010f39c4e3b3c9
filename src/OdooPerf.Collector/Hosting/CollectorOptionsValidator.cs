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
}

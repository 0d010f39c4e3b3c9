using Microsoft.Extensions.DependencyInjection;
using OdooPerf.Collector.Scraping;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OdooPerf.Collector.Hosting;

/// <summary>
/// OpenTelemetry tracing of scrapes, exported over OTLP. Off unless an endpoint is configured
/// (<c>Tracing:OtlpEndpoint</c>, or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> /
/// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> variables, which the exporter reads itself along with the
/// other <c>OTEL_*</c> settings).
/// </summary>
public static class CollectorTracing
{
    public static bool IsEnabled(TracingOptions options) =>
        options.OtlpEndpoint is not null
        || Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 }
        || Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") is { Length: > 0 };

    /// <summary>The OTEL_* environment variables, keyed as the SDK expects to find them in configuration.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> StandardEnvironmentVariables() =>
        Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string?>((string)e.Key, (string?)e.Value))
            .Where(e => e.Key.StartsWith("OTEL_", StringComparison.Ordinal));

    public static void Register(IServiceCollection services, TracingOptions options, string version)
    {
        if (!IsEnabled(options))
        {
            return;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("odooperf", serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddSource(ScrapeTracing.SourceName)
                .AddOtlpExporter(otlp =>
                {
                    if (options.OtlpEndpoint is { } endpoint)
                    {
                        otlp.Endpoint = new Uri(endpoint);
                    }

                    if (options.OtlpProtocol is { } protocol)
                    {
                        otlp.Protocol = protocol.Equals("grpc", StringComparison.OrdinalIgnoreCase)
                            ? OtlpExportProtocol.Grpc
                            : OtlpExportProtocol.HttpProtobuf;
                    }
                }));
    }
}

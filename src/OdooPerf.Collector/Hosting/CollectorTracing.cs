using System.Runtime.CompilerServices;
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

    /// <summary>
    /// The exporter uses an endpoint set in code as it is, while it completes the standard variable with
    /// <c>/v1/traces</c> for OTLP/HTTP. The configured endpoint gets the same treatment as the variable,
    /// so <c>http://collector:4318</c> works in both places.
    /// </summary>
    public static Uri TracesEndpoint(Uri endpoint, OtlpExportProtocol protocol) =>
        protocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath is "" or "/"
            ? new Uri(endpoint, "v1/traces")
            : endpoint;

    /// <summary>The OTEL_* environment variables, keyed as the SDK expects to find them in configuration.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> StandardEnvironmentVariables() =>
        Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string?>((string)e.Key, (string?)e.Value))
            .Where(e => e.Key.StartsWith("OTEL_", StringComparison.Ordinal));

    public static void Register(IServiceCollection services, TracingOptions options, string version)
    {
        if (IsEnabled(options))
        {
            AddOtlpTracing(services, options, version);
        }
    }

    // Kept out of Register so that the OpenTelemetry assemblies are loaded (and cost memory) only when
    // tracing is on: the JIT loads the assemblies a method refers to when it compiles the method.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOtlpTracing(IServiceCollection services, TracingOptions options, string version)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("odooperf", serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddSource(ScrapeTracing.SourceName)
                .AddOtlpExporter(otlp =>
                {
                    if (options.OtlpProtocol is { } protocol)
                    {
                        otlp.Protocol = protocol.Equals("grpc", StringComparison.OrdinalIgnoreCase)
                            ? OtlpExportProtocol.Grpc
                            : OtlpExportProtocol.HttpProtobuf;
                    }

                    if (options.OtlpEndpoint is { } endpoint)
                    {
                        otlp.Endpoint = TracesEndpoint(new Uri(endpoint), otlp.Protocol);
                    }
                }));
    }
}

using System.Reflection;
using System.Runtime.CompilerServices;
using OdooPerf.Load.Scenarios;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OdooPerf.LoadTests.Running;

/// <summary>
/// Exports the engine's step activities (and the HTTP client's, as their children) over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> is set; the exporter reads the other
/// <c>OTEL_*</c> settings itself. At thousands of requests per second, sample: <c>OTEL_TRACES_SAMPLER=traceidratio</c>
/// with <c>OTEL_TRACES_SAMPLER_ARG=0.01</c>. Off otherwise, and then the OpenTelemetry assemblies are never loaded.
/// </summary>
internal static class TraceExport
{
    public const string ServiceName = "odooperf-load";

    public static IDisposable? StartIfConfigured() =>
        Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 }
        || Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") is { Length: > 0 }
            ? Start()
            : null;

    // Its own method so the JIT loads the OpenTelemetry assemblies only when tracing is on. Disposing the provider
    // flushes the spans still batched.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IDisposable Start() =>
        Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService(ServiceName,
                serviceVersion: typeof(TraceExport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion))
            .AddSource(LoadTracing.SourceName, "System.Net.Http")
            .AddOtlpExporter()
            .Build();
}

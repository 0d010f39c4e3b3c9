namespace OdooPerf.Collector.Hosting;

/// <summary>
/// OpenTelemetry tracing. Off unless an OTLP endpoint is configured here or in the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> environment variable. Bound from the <c>Tracing</c> section.
/// </summary>
public sealed class TracingOptions
{
    /// <summary>OTLP collector address, for example <c>http://127.0.0.1:4317</c>.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string? OtlpProtocol { get; set; }
}

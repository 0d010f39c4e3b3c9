using OdooPerf.Collector.Hosting;
using OpenTelemetry.Exporter;
using Xunit;

namespace OdooPerf.Collector.Tests.Hosting;

public sealed class CollectorTracingTests
{
    [Theory]
    [InlineData("http://collector:4318", OtlpExportProtocol.HttpProtobuf, "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/", OtlpExportProtocol.HttpProtobuf, "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/custom/traces", OtlpExportProtocol.HttpProtobuf, "http://collector:4318/custom/traces")]
    [InlineData("http://collector:4317", OtlpExportProtocol.Grpc, "http://collector:4317/")]
    public void A_configured_endpoint_is_completed_like_the_standard_variable(string configured, OtlpExportProtocol protocol, string expected) =>
        Assert.Equal(new Uri(expected), CollectorTracing.TracesEndpoint(new Uri(configured), protocol));
}

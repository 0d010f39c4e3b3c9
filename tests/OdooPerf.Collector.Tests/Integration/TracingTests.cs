using System.Net;
using System.Text;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Integration;

/// <summary>
/// Tracing through the standard OTEL_* variables: a scrape is exported as OTLP/HTTP to a receiver on
/// loopback, with the scrape span and its per-source children.
/// </summary>
public sealed class TracingTests
{
    [Fact]
    public async Task A_scrape_is_exported_over_otlp_when_the_endpoint_is_set()
    {
        var port = FreePort.Next();
        using var receiver = new HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/");
        receiver.Start();
        var export = ReceiveTracesAsync(receiver);

        await using var collector = await CollectorProcess.StartAsync(environment: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        await collector.ScrapeTextAsync();

        var body = await export.WaitAsync(TimeSpan.FromSeconds(20));

        // Protobuf keeps strings as UTF-8 bytes after their length: the span names and the service name
        // are readable ("\u0006scrape" is the 6-byte span name, not an attribute that merely contains it).
        Assert.Contains("\u0006scrape", body, StringComparison.Ordinal);
        Assert.Contains("refresh meminfo", body, StringComparison.Ordinal);
        Assert.Contains("odooperf", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_exported_without_an_endpoint()
    {
        await using var collector = await CollectorProcess.StartAsync();
        await collector.ScrapeTextAsync();

        Assert.DoesNotContain("OpenTelemetry", collector.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("4317", collector.Output, StringComparison.Ordinal);
    }

    // Spans end at different times and may come in several export batches: gather them until both the
    // scrape and a source refresh have arrived.
    private static async Task<string> ReceiveTracesAsync(HttpListener receiver)
    {
        var received = new StringBuilder();
        while (true)
        {
            var context = await receiver.GetContextAsync();
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var path = context.Request.Url?.AbsolutePath;
            context.Response.StatusCode = 200;
            context.Response.Close();
            if (path != "/v1/traces")
            {
                continue;
            }

            received.Append(Encoding.UTF8.GetString(buffer.ToArray()));
            var text = received.ToString();
            if (text.Contains("\u0006scrape", StringComparison.Ordinal) && text.Contains("refresh meminfo", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }
}

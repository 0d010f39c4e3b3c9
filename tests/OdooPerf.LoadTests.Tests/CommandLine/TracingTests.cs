using System.Net;
using System.Text;
using OdooPerf.LoadTests.Tests.Fixtures;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.LoadTests.Tests.CommandLine;

/// <summary>
/// With the standard OTEL_* variables set, each step of a run is exported as an OTLP/HTTP span to a receiver on
/// loopback, under the odooperf-load service.
/// </summary>
public sealed class TracingTests
{
    [Fact]
    public async Task Steps_are_exported_over_otlp_when_the_endpoint_is_set()
    {
        await using var server = await TargetServer.StartAsync();
        var port = FreePort.Next();
        using var receiver = new HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/");
        receiver.Start();
        var export = ReceiveTracesAsync(receiver);
        using var reports = new TempDirectory();

        var start = LoadCommand.StartInfo(["http", "--url", server.Url, "--users", "1", "--duration", "1s", "--report-dir", reports.Path]);
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}";
        start.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        start.Environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        var result = await ProcessRunner.RunAsync(start, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(0, result.ExitCode);
        var body = await export.WaitAsync(TimeSpan.FromSeconds(20));
        // Protobuf keeps strings as UTF-8 after their length byte: "\u0008step get" is the 8-byte span name.
        Assert.Contains("\u0008step get", body, StringComparison.Ordinal);
        Assert.Contains("odooperf-load", body, StringComparison.Ordinal);
    }

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
            if (text.Contains("\u0008step get", StringComparison.Ordinal) && text.Contains("odooperf-load", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }
}

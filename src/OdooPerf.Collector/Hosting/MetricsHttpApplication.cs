using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Hosting;

/// <summary>
/// What the HTTP endpoint serves: <c>GET /metrics</c> (refreshes the sources through the registry's
/// before-collect callback, then writes the Prometheus text format, or OpenMetrics when asked) and a short
/// landing page on <c>GET /</c>. It talks to Kestrel's request features directly: an exporter with two
/// routes does not need the routing, minimal-API and MVC layers, and leaving them out saves the daemon
/// about a sixth of its resident memory.
/// </summary>
public sealed class MetricsHttpApplication(CollectorRegistry registry, string version) : IHttpApplication<IFeatureCollection>
{
    private const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";
    private const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private readonly byte[] _landingPage = Encoding.UTF8.GetBytes(
        $"<html><head><title>OdooPerf collector</title></head><body><h1>OdooPerf collector {version}</h1><p><a href=\"/metrics\">Metrics</a></p></body></html>\n");

    public IFeatureCollection CreateContext(IFeatureCollection contextFeatures) => contextFeatures;

    public void DisposeContext(IFeatureCollection context, Exception? exception)
    {
    }

    public Task ProcessRequestAsync(IFeatureCollection context)
    {
        var request = context.GetRequiredFeature<IHttpRequestFeature>();
        var response = context.GetRequiredFeature<IHttpResponseFeature>();
        var body = context.GetRequiredFeature<IHttpResponseBodyFeature>();

        if (request.Method is not ("GET" or "HEAD"))
        {
            response.StatusCode = 405;
            response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        }

        return request.Path switch
        {
            "/metrics" => ServeMetricsAsync(context, request, response, body),
            "/" => WriteAsync(response, body, "text/html; charset=utf-8", _landingPage, request.Method == "HEAD"),
            _ => WriteAsync(response, body, "text/plain; charset=utf-8", "404 page not found\n"u8.ToArray(), request.Method == "HEAD", status: 404),
        };
    }

    private async Task ServeMetricsAsync(IFeatureCollection context, IHttpRequestFeature request, IHttpResponseFeature response, IHttpResponseBodyFeature body)
    {
        // Kestrel may run this under the activity of an earlier request on the same connection; a scrape is
        // the root of its own trace.
        Activity.Current = null;
        using var activity = ScrapeTracing.Source.StartActivity("scrape", ActivityKind.Server);

        var aborted = context.Get<IHttpRequestLifetimeFeature>()?.RequestAborted ?? CancellationToken.None;
        var openMetrics = request.Headers.Accept.ToString().Contains("application/openmetrics-text", StringComparison.Ordinal);
        response.StatusCode = 200;
        response.Headers.ContentType = openMetrics ? OpenMetricsContentType : PrometheusContentType;
        await body.StartAsync(aborted).ConfigureAwait(false);
        if (request.Method == "HEAD")
        {
            return;
        }

        await registry.CollectAndExportAsTextAsync(
            body.Stream,
            openMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText,
            aborted).ConfigureAwait(false);
    }

    private static async Task WriteAsync(IHttpResponseFeature response, IHttpResponseBodyFeature body, string contentType, byte[] content, bool headOnly, int status = 200)
    {
        response.StatusCode = status;
        response.Headers.ContentType = contentType;
        response.Headers.ContentLength = content.Length;
        if (!headOnly)
        {
            await body.Stream.WriteAsync(content).ConfigureAwait(false);
        }
    }
}

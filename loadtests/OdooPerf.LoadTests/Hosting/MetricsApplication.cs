using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Prometheus;

namespace OdooPerf.LoadTests.Hosting;

/// <summary>
/// What the live metrics endpoint serves: <c>GET /metrics</c> (Prometheus text, or OpenMetrics when asked) from the
/// run's registry, and a one-line page on <c>/</c>. Straight on Kestrel's request features, as the collector does: two
/// routes need no middleware.
/// </summary>
internal sealed class MetricsApplication(CollectorRegistry registry) : IHttpApplication<IFeatureCollection>
{
    private const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";
    private const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private static readonly byte[] LandingPage =
        "<html><head><title>odooperf-load</title></head><body><p><a href=\"/metrics\">Metrics</a> of the running load test.</p></body></html>\n"u8.ToArray();

    public IFeatureCollection CreateContext(IFeatureCollection contextFeatures) => contextFeatures;

    public void DisposeContext(IFeatureCollection context, Exception? exception)
    {
    }

    public async Task ProcessRequestAsync(IFeatureCollection context)
    {
        var request = context.GetRequiredFeature<IHttpRequestFeature>();
        var response = context.GetRequiredFeature<IHttpResponseFeature>();
        var body = context.GetRequiredFeature<IHttpResponseBodyFeature>();
        var aborted = context.Get<IHttpRequestLifetimeFeature>()?.RequestAborted ?? CancellationToken.None;
        if (request.Method is not ("GET" or "HEAD"))
        {
            response.StatusCode = 405;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        switch (request.Path)
        {
            case "/metrics":
                var openMetrics = request.Headers.Accept.ToString().Contains("application/openmetrics-text", StringComparison.Ordinal);
                response.StatusCode = 200;
                response.Headers.ContentType = openMetrics ? OpenMetricsContentType : PrometheusContentType;
                await body.StartAsync(aborted).ConfigureAwait(false);
                if (request.Method == "GET")
                {
                    await registry.CollectAndExportAsTextAsync(body.Stream,
                        openMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText, aborted).ConfigureAwait(false);
                }

                return;
            case "/":
                response.StatusCode = 200;
                response.Headers.ContentType = "text/html; charset=utf-8";
                response.Headers.ContentLength = LandingPage.Length;
                if (request.Method == "GET")
                {
                    await body.Stream.WriteAsync(LandingPage, aborted).ConfigureAwait(false);
                }

                return;
            default:
                response.StatusCode = 404;
                return;
        }
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Hosting;

/// <summary>
/// GET /metrics: refreshes the sources (through the registry's before-collect callback) and writes the
/// Prometheus text format, or OpenMetrics when the scraper asks for it. GET / is a short landing page.
/// </summary>
public static class MetricsEndpoint
{
    private const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";
    private const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    public static void Map(WebApplication app, CollectorRegistry registry, string version)
    {
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            // ASP.NET Core opens an unrecorded activity per request for log correlation; a span under it
            // would inherit "not sampled" and point at a parent no backend ever receives. A scrape is the
            // root of its own trace.
            Activity.Current = null;
            using var activity = ScrapeTracing.Source.StartActivity("scrape", ActivityKind.Server);
            var openMetrics = context.Request.Headers.Accept.ToString().Contains("application/openmetrics-text", StringComparison.Ordinal);
            context.Response.ContentType = openMetrics ? OpenMetricsContentType : PrometheusContentType;
            await registry.CollectAndExportAsTextAsync(
                context.Response.Body,
                openMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText,
                context.RequestAborted).ConfigureAwait(false);
        });

        app.MapGet("/", () => Results.Content(
            $"<html><head><title>OdooPerf collector</title></head><body><h1>OdooPerf collector {version}</h1><p><a href=\"/metrics\">Metrics</a></p></body></html>",
            "text/html; charset=utf-8"));
    }
}

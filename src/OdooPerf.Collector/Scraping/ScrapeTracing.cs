using System.Diagnostics;

namespace OdooPerf.Collector.Scraping;

/// <summary>
/// The collector's OpenTelemetry activity source: one <c>scrape</c> span per /metrics request, with one
/// <c>refresh SOURCE</c> child per source refreshed for it.
/// </summary>
public static class ScrapeTracing
{
    public const string SourceName = "OdooPerf.Collector";

    public static readonly ActivitySource Source = new(SourceName, typeof(ScrapeTracing).Assembly.GetName().Version?.ToString());
}

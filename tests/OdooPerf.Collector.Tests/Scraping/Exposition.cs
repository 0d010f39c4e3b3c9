using OdooPerf.Testing;
using Prometheus;

namespace OdooPerf.Collector.Tests.Scraping;

/// <summary>Collects a registry the way /metrics does and parses the result.</summary>
internal static class Exposition
{
    public static async Task<PrometheusText> CollectAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return PrometheusText.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}

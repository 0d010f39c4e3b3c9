using OdooPerf.Testing;
using Prometheus;

namespace OdooPerf.Collector.Tests.Scraping;

/// <summary>Collects a registry the way /metrics does and parses the result.</summary>
internal static class Exposition
{
    public static async Task<PrometheusText> CollectAsync(CollectorRegistry registry) =>
        PrometheusText.Parse(await CollectTextAsync(registry));

    public static async Task<string> CollectTextAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

using Prometheus;

namespace OdooPerf.Collector.Scraping;

/// <summary>A gauge family refreshed at scrape time; see <see cref="ScrapedFamily{TChild}"/>.</summary>
public sealed class ScrapedGauge : ScrapedFamily<Gauge.Child>
{
    public ScrapedGauge(IMetricFactory factory, CardinalityGuard guard, string name, string help, params string[] labelNames)
        : base(factory.CreateGauge(name, help, new GaugeConfiguration { LabelNames = labelNames, SuppressInitialValue = true }), guard)
    {
    }

    public override void Set(double value, params string[] labelValues) => Touch(labelValues)?.Set(value);

}

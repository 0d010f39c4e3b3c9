using Prometheus;

namespace OdooPerf.Collector.Scraping;

/// <summary>
/// A counter family whose values are read from elsewhere (a kernel counter in /proc, a PostgreSQL
/// statistics view) rather than incremented here. When the source value goes backwards (the counter was
/// reset: a device re-created, statistics reset) the series is re-created so Prometheus sees a reset.
/// </summary>
public sealed class ScrapedCounter : ScrapedFamily<Counter.Child>
{
    public ScrapedCounter(IMetricFactory factory, CardinalityGuard guard, string name, string help, params string[] labelNames)
        : base(factory.CreateCounter(name, help, new CounterConfiguration { LabelNames = labelNames, SuppressInitialValue = true }), guard)
    {
    }

    public override void Set(double value, params string[] labelValues)
    {
        var child = Touch(labelValues);
        if (child is null)
        {
            return;
        }

        if (value < child.Value)
        {
            child = Recreate(labelValues, child);
        }

        child.IncTo(value);
    }

}

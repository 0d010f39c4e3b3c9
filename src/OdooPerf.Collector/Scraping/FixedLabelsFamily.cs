namespace OdooPerf.Collector.Scraping;

/// <summary>
/// A family whose label sets all end with the same values, such as <c>server="db2"</c> when several
/// PostgreSQL servers are configured: the source sets its own labels and the fixed ones are appended.
/// Each source keeps its own instance, so a refresh removes only its own stale label sets.
/// </summary>
public sealed class FixedLabelsFamily(IScrapedFamily inner, string[] fixedValues) : IScrapedFamily
{
    public void Set(double value, params string[] labelValues) =>
        inner.Set(value, fixedValues.Length == 0 ? labelValues : [.. labelValues, .. fixedValues]);

    public void BeginUpdate() => inner.BeginUpdate();

    public void EndUpdate() => inner.EndUpdate();

    public void Clear() => inner.Clear();
}

namespace OdooPerf.Collector.Scraping;

/// <summary>What every scraped family offers, whatever its metric type: values set per label set, and the refresh cycle.</summary>
public interface IScrapedFamily
{
    /// <summary>Sets the value of the label set <paramref name="labelValues"/> for this round.</summary>
    void Set(double value, params string[] labelValues);

    /// <summary>Starts a refresh: every label set is considered gone until it is set again.</summary>
    void BeginUpdate();

    /// <summary>Ends a refresh: removes the label sets that were not set since <see cref="BeginUpdate"/>.</summary>
    void EndUpdate();

    /// <summary>Removes every label set.</summary>
    void Clear();
}

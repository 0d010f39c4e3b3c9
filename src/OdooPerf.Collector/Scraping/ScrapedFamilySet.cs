namespace OdooPerf.Collector.Scraping;

/// <summary>
/// The families a source owns, refreshed together: <see cref="BeginUpdate"/>, set the values read,
/// <see cref="EndUpdate"/>. Saves each source from listing its families three times.
/// </summary>
public sealed class ScrapedFamilySet
{
    private readonly List<IScrapedFamily> _families = [];

    public TFamily Add<TFamily>(TFamily family)
        where TFamily : IScrapedFamily
    {
        _families.Add(family);
        return family;
    }

    public void BeginUpdate() => _families.ForEach(f => f.BeginUpdate());

    public void EndUpdate() => _families.ForEach(f => f.EndUpdate());

    public void Clear() => _families.ForEach(f => f.Clear());
}

using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary><c>pg_static{version,short_version}</c>: the server's version, as postgres_exporter reports it.</summary>
public sealed class StaticCollector : IPostgresCollector
{
    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _static;

    public StaticCollector(PostgresFamilies families)
    {
        _static = _families.Add(families.Gauge("pg_static", "Version string as reported by postgres", "version", "short_version"));
    }

    public string Name => "static";

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        var version = string.Empty;
        await scrape.QueryAsync("SELECT version()", r => version = r.Text(0), cancellationToken).ConfigureAwait(false);
        _families.BeginUpdate();
        _static.Set(1, version, ShortVersion(scrape.ServerVersion));
        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();

    /// <summary>"15.18.0" for 15.18: major.minor.patch, as postgres_exporter's semver parse gives it.</summary>
    public static string ShortVersion(Version version) =>
        $"{version.Major}.{Math.Max(0, version.Minor)}.{Math.Max(0, version.Build)}";
}

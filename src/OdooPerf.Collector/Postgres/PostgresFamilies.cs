using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// Creates a server's families: with the <c>server</c> label appended when more than one server is
/// configured, without it otherwise (so that a single-server setup has postgres_exporter's label sets).
/// Collectors create their families here and add them to their own <see cref="ScrapedFamilySet"/>.
/// </summary>
public sealed class PostgresFamilies(IMetricFactory factory, CardinalityGuard guard, string? server)
{
    private readonly string[] _serverLabel = server is null ? [] : ["server"];
    private readonly string[] _serverValue = server is null ? [] : [server];

    public IScrapedFamily Gauge(string name, string help, params string[] labelNames) =>
        new FixedLabelsFamily(new ScrapedGauge(factory, guard, name, help, [.. labelNames, .. _serverLabel]), _serverValue);

    public IScrapedFamily Counter(string name, string help, params string[] labelNames) =>
        new FixedLabelsFamily(new ScrapedCounter(factory, guard, name, help, [.. labelNames, .. _serverLabel]), _serverValue);
}

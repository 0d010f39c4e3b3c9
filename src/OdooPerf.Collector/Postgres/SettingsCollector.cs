using System.Globalization;
using System.Text;
using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// pg_settings: one gauge per boolean or numeric server setting, named and converted exactly as
/// postgres_exporter's settings collector does, so that alerts such as
/// <c>pg_settings_max_connections</c> or <c>pg_settings_shared_buffers_bytes</c> keep working:
/// <c>pg_settings_NAME</c>, with <c>_seconds</c> and the value in seconds for time units, <c>_bytes</c> and
/// the value in bytes for memory and block units, booleans as 0/1, and '.' or '-' in custom names as '_'.
/// </summary>
/// <remarks>
/// The families are discovered at each scrape (an extension loaded after a restart brings its settings).
/// Help is upstream 0.12+'s ("Server Parameter: NAME"); 0.11 used the setting's own description. A
/// setting with a unit we do not know is left out (upstream 0.20 does the same; 0.17 panicked), since
/// exporting it under a name without its unit would break the naming contract.
/// </remarks>
public sealed class SettingsCollector : IPostgresCollector
{
    /// <summary>
    /// The same for 12 to 17. Left out, as upstream: <c>sync_commit_cancel_wait</c> (Azure) and
    /// <c>google_dataplex.max_messages</c> (Cloud SQL), whose values are not numbers.
    /// </summary>
    public const string Sql = "SELECT name, setting, COALESCE(unit, ''), vartype FROM pg_settings WHERE vartype IN ('bool', 'integer', 'real') AND name NOT IN ('sync_commit_cancel_wait', 'google_dataplex.max_messages')";

    private readonly PostgresFamilies _factory;
    private readonly Dictionary<string, IScrapedFamily> _families = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public SettingsCollector(PostgresFamilies families)
    {
        _factory = families;
    }

    public string Name => "settings";

    /// <summary>A setting as exported: metric name, help, value in base units.</summary>
    public sealed record Setting(string Metric, string Help, double Value);

    /// <summary>
    /// Converts one pg_settings row; null when the value is not a number or the unit is unknown.
    /// -1 is kept as it is (it means "disabled" or "default" for most settings), as upstream.
    /// </summary>
    public static Setting? Convert(string name, string setting, string unit, string vartype)
    {
        var metric = "pg_settings_" + SanitizeName(name);
        var help = $"Server Parameter: {name}";
        if (vartype == "bool")
        {
            return new Setting(metric, help, setting == "on" ? 1 : 0);
        }

        if (!double.TryParse(setting, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        if (unit.Length == 0)
        {
            return new Setting(metric, help, value);
        }

        if (BaseUnit(unit) is not { } baseUnit)
        {
            return null;
        }

        return new Setting($"{metric}_{baseUnit.Name}", $"{help} [Units converted to {baseUnit.Name}.]", value == -1 ? value : value * baseUnit.Factor);
    }

    /// <summary>
    /// The base unit of a pg_settings unit and the factor to it: ms, s, min, h, d to seconds; B, kB, MB, GB,
    /// TB to bytes (powers of 1024, as PostgreSQL means them), and block units such as 8kB or 16MB (a count
    /// of blocks of that size) to bytes.
    /// </summary>
    public static (string Name, double Factor)? BaseUnit(string unit)
    {
        switch (unit)
        {
            case "ms": return ("seconds", 0.001);
            case "s": return ("seconds", 1);
            case "min": return ("seconds", 60);
            case "h": return ("seconds", 3600);
            case "d": return ("seconds", 86400);
        }

        var digits = 0;
        while (digits < unit.Length && char.IsAsciiDigit(unit[digits]))
        {
            digits++;
        }

        var power = unit[digits..] switch
        {
            "B" => 0,
            "kB" => 1,
            "MB" => 2,
            "GB" => 3,
            "TB" => 4,
            _ => -1,
        };
        if (power < 0)
        {
            return null;
        }

        var blocks = digits == 0 ? 1 : double.Parse(unit[..digits], CultureInfo.InvariantCulture);
        return ("bytes", blocks * Math.Pow(1024, power));
    }

    /// <summary>
    /// '.' and '-' become '_' as upstream; any other character a metric name cannot hold also does, so a
    /// custom setting with an odd name still yields a valid name.
    /// </summary>
    public static string SanitizeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return builder.ToString();
    }

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        foreach (var family in _families.Values)
        {
            family.BeginUpdate();
        }

        _seen.Clear();
        await scrape.QueryAsync(Sql, r =>
        {
            if (Convert(r.Text(0), r.Text(1), r.Text(2), r.Text(3)) is not { } setting || !_seen.Add(setting.Metric))
            {
                // Not a number, an unknown unit, or a second name that sanitises to the same metric.
                return;
            }

            if (!_families.TryGetValue(setting.Metric, out var family))
            {
                family = _factory.Gauge(setting.Metric, setting.Help);
                family.BeginUpdate();
                _families.Add(setting.Metric, family);
            }

            family.Set(setting.Value);
        }, cancellationToken).ConfigureAwait(false);

        foreach (var family in _families.Values)
        {
            family.EndUpdate();
        }
    }

    public void Clear()
    {
        foreach (var family in _families.Values)
        {
            family.Clear();
        }
    }
}

namespace OdooPerf.Collector.OdooProbe;

/// <summary>The HTTP probe of Odoo. Bound from the <c>OdooProbe</c> configuration section; <c>--odoo-url</c> sets <see cref="Url"/>.</summary>
public sealed class OdooProbeOptions
{
    /// <summary>
    /// Odoo's base URL, as a browser would open it (<c>http://127.0.0.1:8069</c>, or <c>https://erp.example.com/odoo</c>
    /// behind a reverse proxy at a sub-path). It may carry <c>user:password@</c> for a proxy's basic authentication; it is
    /// never logged nor published. Empty: no probe.
    /// </summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Deadline of one probe; it must be shorter than <c>Scrape:SourceTimeout</c> so that a hung Odoo reads as <c>odoo_up 0</c>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Asks <c>/web/health?db_server_status=1</c>, so that Odoo (16 and later) also checks its PostgreSQL server and the probe
    /// fails when Odoo cannot reach it. Off by default: Odoo 15 ignores the parameter and logs a warning for each probe.
    /// </summary>
    public bool DatabaseStatus { get; set; }

    /// <summary>How often <c>odoo_version_info</c> is read again (it is also read each time Odoo comes back up).</summary>
    public TimeSpan VersionRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>True when a URL is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}

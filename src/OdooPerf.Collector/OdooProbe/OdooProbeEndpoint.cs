namespace OdooPerf.Collector.OdooProbe;

/// <summary>Which route tells whether Odoo is up.</summary>
public enum OdooProbeEndpoint
{
    /// <summary>Not known yet (or being checked again): try <c>/web/health</c> first.</summary>
    Unknown,

    /// <summary><c>GET /web/health</c>: Odoo 15.0 (mid-series) and later.</summary>
    Health,

    /// <summary><c>POST /web/webclient/version_info</c>: Odoo without <c>/web/health</c>.</summary>
    VersionInfo,
}

namespace OdooPerf.Collector.OdooProbe;

/// <summary>What one request to Odoo told: healthy (with the version when the request was version_info), unhealthy and why, or no such route.</summary>
public sealed record OdooProbeAnswer
{
    private OdooProbeAnswer(bool up, bool notFound, string? version, string? reason)
    {
        Up = up;
        NotFound = notFound;
        Version = version;
        Reason = reason;
    }

    /// <summary>The route answered 404: this Odoo does not have it.</summary>
    public static OdooProbeAnswer Missing { get; } = new(false, true, null, "not found (404)");

    public bool Up { get; }

    public bool NotFound { get; }

    /// <summary>Odoo's <c>server_version</c> when the answer carried a usable one.</summary>
    public string? Version { get; }

    /// <summary>Why the answer is not healthy, in one line fit for a log.</summary>
    public string? Reason { get; }

    public static OdooProbeAnswer Healthy(string? version = null) => new(true, false, version, null);

    public static OdooProbeAnswer Unhealthy(string reason) => new(false, false, null, reason);
}

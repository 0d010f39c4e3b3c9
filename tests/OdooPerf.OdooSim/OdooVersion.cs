using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim;

/// <summary>The Odoo series the simulator imitates, and the few shapes that differ between them.</summary>
internal sealed class OdooVersion
{
    public static readonly IReadOnlyList<string> Supported = ["16.0", "17.0", "18.0", "19.0"];

    private OdooVersion(int major) => Major = major;

    public int Major { get; }

    public string Serie => $"{Major}.0";

    /// <summary><c>web_read</c>, <c>web_save</c> and <c>web_search_read(domain, specification)</c> exist from 17.</summary>
    public bool HasSpecification => Major >= 17;

    /// <summary>The JSON-2 API (<c>/json/2/model/method</c> with a bearer API key) exists from 19.</summary>
    public bool HasJson2 => Major >= 19;

    /// <summary>Odoo 19 appends <c>#model.method</c> to the logged path of RPC calls.</summary>
    public bool LogsRpcFragment => Major >= 19;

    /// <summary>Odoo 19 dropped <c>db:DB</c> from the login lines.</summary>
    public bool LoginLineHasDatabase => Major < 19;

    /// <summary>The web client's own URL: <c>/odoo</c> from 18, <c>/web</c> before.</summary>
    public string WebClientPath => Major >= 18 ? "/odoo" : "/web";

    public static OdooVersion Parse(string version) =>
        Supported.Contains(version)
            ? new OdooVersion(int.Parse(version.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture))
            : throw new ArgumentException($"unsupported Odoo version '{version}' (supported: {string.Join(", ", Supported)})");

    /// <summary><c>odoo.service.common.exp_version()</c>: what <c>/web/webclient/version_info</c> and <c>common.version</c> answer.</summary>
    public JsonObject VersionInfo() => new()
    {
        ["server_version"] = Serie,
        ["server_version_info"] = new JsonArray(Major, 0, 0, "final", 0, ""),
        ["server_serie"] = Serie,
        ["protocol_version"] = 1,
    };
}

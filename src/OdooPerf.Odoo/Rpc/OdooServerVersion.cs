using System.Globalization;
using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// The server's version as <c>server_version_info</c> gives it (<c>odoo/release.py</c> <c>version_info</c>):
/// <c>[17, 0, 0, "final", 0, ""]</c>, or <c>["saas~17", 4, 0, "final", 0, ""]</c> for an Odoo Online series.
/// It decides which calls the web-client helpers send.
/// </summary>
public sealed record OdooServerVersion(int Major, int Minor, bool IsSaas)
{
    private const string SaasPrefix = "saas~";

    /// <summary>JSON-2 (<c>/json/2/MODEL/METHOD</c>) exists.</summary>
    public bool HasJson2 => Major >= 19;

    /// <summary>The web client reads with a <c>specification</c> (<c>web_search_read</c>, <c>web_read</c>, <c>web_save</c>), from 17.</summary>
    internal bool HasSpecification => Major >= 17;

    /// <summary>
    /// A form saves with one <c>web_save</c> that answers the saved record (17+); before, with <c>create</c> or
    /// <c>write</c> and then a <c>read</c>: two requests.
    /// </summary>
    public bool HasWebSave => Major >= 17;

    /// <summary><c>web_search_read(domain, fields, ...)</c> exists (14 to 16); older clients used <c>search_read</c>.</summary>
    internal bool HasWebSearchReadWithFields => Major >= 14;

    /// <summary><c>/web/action/load</c> takes <c>context</c> from 17, <c>additional_context</c> before.</summary>
    internal bool ActionLoadTakesContext => Major >= 17;

    /// <summary>The web client appends <c>/MODEL/METHOD</c> to <c>/web/dataset/call_button</c> from 17.1; 18 is the first release with it.</summary>
    internal bool CallButtonHasPath => Major >= 18 || (Major == 17 && Minor >= 1);

    /// <summary><c>name_search</c>'s domain argument is <c>domain</c> from 19, <c>args</c> before.</summary>
    internal bool NameSearchTakesDomain => Major >= 19;

    /// <summary>The web client completes a many2one with <c>web_name_search</c> (19), <c>name_search</c> before.</summary>
    internal bool HasWebNameSearch => Major >= 19;

    /// <summary>
    /// <c>formatted_read_group</c> and <c>formatted_read_grouping_sets</c> exist and the web client's pivot and graph use them
    /// (19); <c>read_group</c> is deprecated there (<c>@api.deprecated</c>, a warning in the server log at each call).
    /// </summary>
    internal bool HasFormattedReadGroup => Major >= 19;

    /// <summary><c>web_read_group(domain, groupby, aggregates, limit, offset, order)</c> from 19; <c>(domain, fields, groupby, ..., orderby, lazy)</c> before.</summary>
    internal bool WebReadGroupTakesAggregates => Major >= 19;

    /// <summary>
    /// Reads <c>server_version_info</c>, given as the array itself or as an object holding it (the result of
    /// <c>/web/webclient/version_info</c>, <c>common.version</c> or a login's session info). Null when absent or unreadable.
    /// </summary>
    public static OdooServerVersion? FromVersionInfo(JsonElement info)
    {
        if (info.ValueKind == JsonValueKind.Object)
        {
            return info.TryGetProperty("server_version_info", out var inner) ? FromVersionInfo(inner) : null;
        }

        if (info.ValueKind != JsonValueKind.Array || info.GetArrayLength() < 2)
        {
            return null;
        }

        var first = info[0];
        var second = info[1];
        if (second.ValueKind != JsonValueKind.Number || !second.TryGetInt32(out var minor))
        {
            return null;
        }

        if (first.ValueKind == JsonValueKind.Number && first.TryGetInt32(out var major))
        {
            return new OdooServerVersion(major, minor, IsSaas: false);
        }

        var text = first.ValueKind == JsonValueKind.String ? first.GetString() : null;
        if (text is not null
            && text.StartsWith(SaasPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(SaasPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out major))
        {
            return new OdooServerVersion(major, minor, IsSaas: true);
        }

        return null;
    }

    public override string ToString() => IsSaas ? $"saas~{Major}.{Minor}" : $"{Major}.{Minor}";
}

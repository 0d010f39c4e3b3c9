using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace OdooPerf.Collector.OdooProbe;

/// <summary>
/// The two requests the probe makes, as Odoo's web client would: <c>GET /web/health</c> (Odoo 15.0 mid-series and later:
/// <c>{"status": "pass"}</c>; 16+ with <c>db_server_status=1</c> answers 500 <c>{"status": "fail", "db_server_status": false}</c>
/// when PostgreSQL is unreachable) and the JSON-RPC <c>POST /web/webclient/version_info</c> every version has
/// (<c>result.server_version</c>). Network failures and deadlines are thrown; everything Odoo answers becomes an
/// <see cref="OdooProbeAnswer"/>.
/// </summary>
public sealed class OdooProbeClient : IDisposable
{
    /// <summary>Both answers are a few dozen bytes; anything much larger is not Odoo answering.</summary>
    public const int MaxResponseBytes = 64 * 1024;

    private const int MaxVersionLength = 64;
    private const int MaxReasonLength = 200;

    private readonly HttpClient _http;
    private int _requestId;

    public OdooProbeClient(OdooProbeTarget target, string userAgent, HttpMessageHandler? handler = null)
    {
        _http = new HttpClient(handler ?? CreateHandler(), disposeHandler: true)
        {
            BaseAddress = target.BaseUri,
            Timeout = Timeout.InfiniteTimeSpan, // the caller's deadline applies
            MaxResponseContentBufferSize = MaxResponseBytes,
        };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _http.DefaultRequestHeaders.Authorization = target.Authorization;
    }

    /// <summary>The handler the daemon uses: one pooled, reused connection, and nothing taken from the environment.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        // A probe has no session: Odoo's session_id cookie must not turn it into a returning visitor.
        UseCookies = false,
        // The probe measures Odoo, not whatever proxy HTTP_PROXY names in the environment the daemon inherited.
        UseProxy = false,
        // A redirect is reported rather than followed: the URL should be the final one (and a POST would become a GET).
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        // Reuse the connection between scrapes, but pick up DNS changes now and then.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 2,
    };

    /// <summary><c>GET web/health</c> under the base URL.</summary>
    public async Task<OdooProbeAnswer> HealthAsync(bool databaseStatus, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, databaseStatus ? "web/health?db_server_status=1" : "web/health");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return OdooProbeAnswer.Missing;
        }

        if (Redirect(response, "/web/health") is { } redirect)
        {
            return redirect;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var (status, databaseReachable) = ReadHealth(body);
        var code = (int)response.StatusCode;
        if (code == 200 && status == "pass")
        {
            return OdooProbeAnswer.Healthy();
        }

        if (status == "fail")
        {
            return OdooProbeAnswer.Unhealthy(databaseReachable == false
                ? $"/web/health answered {code} fail: Odoo cannot reach its PostgreSQL server"
                : $"/web/health answered {code} fail");
        }

        return OdooProbeAnswer.Unhealthy(status is null
            ? $"/web/health answered {code} without Odoo's health JSON"
            : $"/web/health answered {code} with status '{Bounded(status)}'");
    }

    /// <summary><c>POST web/webclient/version_info</c> under the base URL, as a JSON-RPC 2.0 call.</summary>
    public async Task<OdooProbeAnswer> VersionInfoAsync(CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _requestId);
        var payload = string.Create(CultureInfo.InvariantCulture, $$"""{"jsonrpc":"2.0","method":"call","params":{},"id":{{id}}}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "web/webclient/version_info")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return OdooProbeAnswer.Missing;
        }

        if (Redirect(response, "/web/webclient/version_info") is { } redirect)
        {
            return redirect;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return OdooProbeAnswer.Unhealthy($"/web/webclient/version_info answered {(int)response.StatusCode}");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ReadVersionInfo(body);
    }

    public void Dispose() => _http.Dispose();

    private static OdooProbeAnswer? Redirect(HttpResponseMessage response, string route)
    {
        var code = (int)response.StatusCode;
        return code is >= 300 and < 400
            ? OdooProbeAnswer.Unhealthy($"{route} answered {code} (a redirect): give the URL it redirects to")
            : null;
    }

    // {"status": "pass"} or {"status": "fail", "db_server_status": false}; (null, null) when the body is not that.
    private static (string? Status, bool? DatabaseReachable) ReadHealth(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
            {
                return (null, null);
            }

            bool? database = root.TryGetProperty("db_server_status", out var db) && db.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? db.GetBoolean()
                : null;
            return (status.GetString(), database);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    // {"jsonrpc": "2.0", "id": N, "result": {"server_version": "17.0", ...}} or {"jsonrpc": "2.0", "id": N, "error": {...}}.
    private static OdooProbeAnswer ReadVersionInfo(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                return OdooProbeAnswer.Unhealthy($"/web/webclient/version_info answered a JSON-RPC error: {ErrorMessage(error)}");
            }

            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("result", out var result)
                || result.ValueKind != JsonValueKind.Object
                || !result.TryGetProperty("server_version", out var version)
                || version.ValueKind != JsonValueKind.String)
            {
                return OdooProbeAnswer.Unhealthy("/web/webclient/version_info answered JSON without result.server_version");
            }

            return OdooProbeAnswer.Healthy(UsableVersion(version.GetString()));
        }
        catch (JsonException)
        {
            return OdooProbeAnswer.Unhealthy("/web/webclient/version_info answered something that is not JSON");
        }
    }

    private static string ErrorMessage(JsonElement error)
    {
        if (error.ValueKind == JsonValueKind.Object)
        {
            if (error.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("message", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                return Bounded(detail.GetString() ?? string.Empty);
            }

            if (error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return Bounded(message.GetString() ?? string.Empty);
            }
        }

        return "(no message)";
    }

    // The version becomes a label value: keep it to what Odoo's release strings are made of ("17.0", "16.0+e",
    // "saas~17.4+e", "18.0-20241105"), bounded, or drop it.
    private static string? UsableVersion(string? version)
    {
        if (string.IsNullOrEmpty(version) || version.Length > MaxVersionLength)
        {
            return null;
        }

        foreach (var c in version)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~' or '-' or '_'))
            {
                return null;
            }
        }

        return version;
    }

    // Text from the server goes into our log: one line, bounded.
    private static string Bounded(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= MaxReasonLength ? line : line[..MaxReasonLength] + "...";
    }
}

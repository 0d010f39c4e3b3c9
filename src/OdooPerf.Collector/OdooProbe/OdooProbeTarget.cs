using System.Net.Http.Headers;
using System.Text;

namespace OdooPerf.Collector.OdooProbe;

/// <summary>
/// Odoo's address split from its credentials: the base URI requests are made against (no user info, always ending in
/// <c>/</c> so that Odoo's paths resolve under a reverse proxy's sub-path), the basic-authentication header the user info
/// stands for, and a form safe to print.
/// </summary>
public sealed class OdooProbeTarget
{
    private OdooProbeTarget(Uri baseUri, AuthenticationHeaderValue? authorization, string display)
    {
        BaseUri = baseUri;
        Authorization = authorization;
        Display = display;
    }

    /// <summary>Scheme, host, port and base path, ending with <c>/</c>; never any user info.</summary>
    public Uri BaseUri { get; }

    /// <summary>Basic credentials from the URL's user info, or null.</summary>
    public AuthenticationHeaderValue? Authorization { get; }

    /// <summary>The URL for logs and error messages: user info, if any, replaced by <c>***</c>.</summary>
    public string Display { get; }

    /// <summary>Parses <paramref name="url"/>; returns null and a one-line reason (that never repeats credentials) when it is not usable.</summary>
    public static OdooProbeTarget? Parse(string url, out string? error)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            error = "expected an absolute http:// or https:// URL such as http://127.0.0.1:8069";
            return null;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            error = "expected Odoo's base URL, without a query string or fragment";
            return null;
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        var baseUri = new UriBuilder(uri.Scheme, uri.Host, uri.Port, path).Uri;
        var authorization = uri.UserInfo.Length == 0 ? null : Basic(uri.UserInfo);
        var display = uri.UserInfo.Length == 0
            ? baseUri.ToString()
            : new UriBuilder(baseUri) { UserName = "***" }.Uri.ToString();
        error = null;
        return new OdooProbeTarget(baseUri, authorization, display);
    }

    /// <summary><paramref name="url"/> as it may be printed: with its user info masked, or not at all when it cannot be parsed and may hold some.</summary>
    public static string Redact(string url)
    {
        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0)
        {
            return new UriBuilder(uri) { UserName = "***", Password = string.Empty }.Uri.ToString();
        }

        return url.Contains('@', StringComparison.Ordinal) ? "(not shown: it may hold a password)" : url;
    }

    // RFC 3986 user info is "user:password", each part percent-encoded.
    private static AuthenticationHeaderValue Basic(string userInfo)
    {
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0 ? string.Empty : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }
}

using System.Net.Http.Headers;
using System.Text;
using OdooPerf.LoadTests.CommandLine;
using OdooPerf.LoadTests.Console;

namespace OdooPerf.LoadTests.Calibration;

/// <summary>
/// The URL the calibration scenario GETs. User info (<c>http://user:pass@host/</c>) becomes a Basic
/// <see cref="Authorization"/> header, as curl does, and is taken out of <see cref="RequestUri"/>; <see cref="Display"/>
/// is the URL as it may be printed (<c>http://***@host/</c>), and the credentials are registered with
/// <see cref="Redaction"/> so they never reach the console or a report.
/// </summary>
internal sealed record TargetUrl(Uri RequestUri, string Display, AuthenticationHeaderValue? Authorization)
{
    /// <exception cref="UsageException">Not an absolute http(s) URL.</exception>
    public static TargetUrl Parse(string option, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException($"{option} is required, e.g. {option} http://127.0.0.1:8069/web/login");
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            throw new UsageException($"invalid {option} '{Redaction.Apply(text)}': expected an absolute http:// or https:// URL");
        }

        AuthenticationHeaderValue? authorization = null;
        var display = uri.AbsoluteUri;
        if (uri.UserInfo.Length > 0)
        {
            var escaped = uri.UserInfo;
            var colon = escaped.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon < 0 ? escaped : escaped[..colon]);
            var password = colon < 0 ? "" : Uri.UnescapeDataString(escaped[(colon + 1)..]);
            var credential = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
            authorization = new AuthenticationHeaderValue("Basic", credential);

            Redaction.Register(escaped);
            Redaction.Register(Uri.UnescapeDataString(escaped));
            Redaction.Register(password);
            Redaction.Register(Uri.EscapeDataString(password));
            Redaction.Register(credential);

            uri = new UriBuilder(uri) { UserName = "", Password = "" }.Uri;
            display = $"{uri.Scheme}://{Redaction.Mask}@{uri.Authority}{uri.PathAndQuery}";
        }

        return new TargetUrl(uri, display, authorization);
    }

    public override string ToString() => Display;
}

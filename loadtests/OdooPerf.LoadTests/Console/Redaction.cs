using System.Text.RegularExpressions;

namespace OdooPerf.LoadTests.Console;

/// <summary>
/// Keeps credentials out of everything odooperf-load prints or writes: the user info of any URL
/// (<c>http://user:pass@host/</c> becomes <c>http://***@host/</c>), and the secrets registered when the target URL was
/// read (its password, its user info and the Basic credential made of them), wherever they appear. Applied to every
/// console line and to report titles.
/// </summary>
internal static partial class Redaction
{
    public const string Mask = "***";

    // Shorter strings would be masked inside ordinary words: a short password is covered by the URL rule only.
    private const int MinimumSecretLength = 4;

    private static readonly Lock SecretsLock = new();
    private static string[] _secrets = [];
    private static Func<string, string>[] _scrubbers = [];

    /// <summary>Masks <paramref name="secret"/> in all output from now on (ignored when too short to find safely).</summary>
    public static void Register(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumSecretLength)
        {
            return;
        }

        lock (SecretsLock)
        {
            if (!_secrets.Contains(secret, StringComparer.Ordinal))
            {
                // Longest first, so a secret containing another is masked whole.
                _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    /// <summary>
    /// Masks an Odoo password or API key in all output from now on, as <see cref="OdooPerf.Odoo.Rpc.OdooCredentials.Redact"/>
    /// does (whole words only, short secrets only where quoted, not at all when the password is the login); the
    /// credentials scrub without handing the secret's value out.
    /// </summary>
    public static void Register(OdooPerf.Odoo.Rpc.OdooCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        lock (SecretsLock)
        {
            _scrubbers = [.. _scrubbers, credentials.Redact];
        }
    }

    public static string Apply(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = text;
        foreach (var secret in Volatile.Read(ref _secrets))
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }

        foreach (var scrub in Volatile.Read(ref _scrubbers))
        {
            result = scrub(result);
        }

        return result.Contains('@', StringComparison.Ordinal) ? UserInfo().Replace(result, "://" + Mask + "@") : result;
    }

    // scheme://anything-without-slash-or-space@ : the user info of a URL.
    [GeneratedRegex(@"://[^/\s@?#]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}

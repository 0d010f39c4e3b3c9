using System.Text;
using System.Text.Json.Serialization;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// Database, login and secret of one Odoo user. The secret comes from a file or an environment variable, never from a
/// command-line value that <c>ps</c> would show; it is left out of JSON and of <see cref="ToString"/>.
/// </summary>
public sealed class OdooCredentials
{
    /// <summary>The environment variable <see cref="FromEnvironment"/> reads by default.</summary>
    public const string DefaultPasswordVariable = "ODOO_PASSWORD";

    // A secret file holds one line; anything this big is the wrong file.
    private const int MaxSecretFileBytes = 64 * 1024;

    public OdooCredentials(string database, string login, OdooSecret secret, string? warning = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        ArgumentException.ThrowIfNullOrEmpty(login);
        ArgumentNullException.ThrowIfNull(secret);
        Database = database;
        Login = login;
        Secret = secret;
        Warning = warning;
    }

    public string Database { get; }

    public string Login { get; }

    [JsonIgnore]
    public OdooSecret Secret { get; }

    /// <summary>
    /// A one-line note worth a warning in the log, such as a secret file that its group or others can read; null when
    /// there is nothing to say.
    /// </summary>
    public string? Warning { get; }

    /// <summary>The first line of <paramref name="path"/> is the user's password (a trailing newline is not part of it).</summary>
    /// <exception cref="OdooCredentialsException">The file is missing, unreadable, too large or empty.</exception>
    public static OdooCredentials FromPasswordFile(string database, string login, string path) =>
        FromFile(database, login, path, OdooSecretKind.Password, "password file");

    /// <summary>The first line of <paramref name="path"/> is an API key, for JSON-2 or <c>/jsonrpc</c>.</summary>
    /// <exception cref="OdooCredentialsException">The file is missing, unreadable, too large or empty.</exception>
    public static OdooCredentials FromApiKeyFile(string database, string login, string path) =>
        FromFile(database, login, path, OdooSecretKind.ApiKey, "API key file");

    /// <summary>The secret is the value of an environment variable (<c>ODOO_PASSWORD</c> unless told otherwise).</summary>
    /// <exception cref="OdooCredentialsException">The variable is not set or empty.</exception>
    public static OdooCredentials FromEnvironment(
        string database,
        string login,
        string variable = DefaultPasswordVariable,
        OdooSecretKind kind = OdooSecretKind.Password)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value))
        {
            throw new OdooCredentialsException($"environment variable {variable} is not set or empty");
        }

        return new OdooCredentials(database, login, new OdooSecret(value, kind));
    }

    /// <summary>
    /// <paramref name="text"/> with the secret masked (<see cref="OdooSecret.Redact"/>), unless the secret is the login
    /// itself: then every line that names the user would read "as ***", which hides nothing the login does not show
    /// and tells the reader that the password is the login.
    /// </summary>
    public string Redact(string text) => Secret.Is(Login) ? text : Secret.Redact(text);

    public override string ToString() => $"{Login}@{Database} ({Secret.Kind}: {OdooSecret.Mask})";

    private static OdooCredentials FromFile(string database, string login, string path, OdooSecretKind kind, string what)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new OdooCredentialsException($"{what}: no path given");
        }

        var shown = OneLine(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                throw new OdooCredentialsException($"{what} '{shown}' is a directory");
            }

            if (!info.Exists)
            {
                throw new OdooCredentialsException($"{what} '{shown}' does not exist");
            }

            if (info.Length > MaxSecretFileBytes)
            {
                throw new OdooCredentialsException($"{what} '{shown}' is larger than {MaxSecretFileBytes / 1024} KiB; it should hold one line");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OdooCredentialsException($"{what} '{shown}' cannot be read: permission denied", e);
        }
        catch (IOException e)
        {
            throw new OdooCredentialsException($"{what} '{shown}' cannot be read: {OneLine(e.Message)}", e);
        }

        var secret = FirstLine(bytes);
        if (secret.Length == 0)
        {
            throw new OdooCredentialsException($"{what} '{shown}' is empty (its first line is the secret)");
        }

        return new OdooCredentials(database, login, new OdooSecret(secret, kind), ReadableByOthers(path, what, shown));
    }

    private static string FirstLine(byte[] bytes)
    {
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static string? ReadableByOthers(string path, string what, string shown)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) == 0)
            {
                return null;
            }

            var octal = Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
            return $"{what} '{shown}' can be read by its group or others (mode {octal}); chmod 600 it";
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}

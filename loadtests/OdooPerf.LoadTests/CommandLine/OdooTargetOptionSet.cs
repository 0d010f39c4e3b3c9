using System.CommandLine;
using OdooPerf.LoadTests.Console;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.CommandLine;

/// <summary>
/// The options that say which Odoo to talk to and as whom (<c>run</c>, <c>seed</c>). The secret comes from a file
/// (<c>--password-file</c>, <c>--api-key-file</c>) or the <c>ODOO_PASSWORD</c> environment variable, never from a flag
/// value (any user of the machine sees those in <c>ps</c>), and is masked in everything printed.
/// </summary>
internal sealed class OdooTargetOptionSet
{
    public Option<string?> Target { get; } = new("--target")
    {
        Description = "The Odoo server's URL, e.g. http://staging-odoo:8069 (no user:password@ here)",
        HelpName = "URL",
    };

    public Option<string?> Database { get; } = new("--db")
    {
        Description = "The database to log in to",
        HelpName = "NAME",
    };

    public Option<string?> Login { get; } = new("--login")
    {
        Description = "The Odoo user every virtual user logs in as (each with its own session)",
        HelpName = "USER",
    };

    public Option<string?> PasswordFile { get; } = new("--password-file")
    {
        Description = "File whose first line is the user's password (else the ODOO_PASSWORD environment variable)",
        HelpName = "FILE",
    };

    public Option<string?> ApiKeyFile { get; } = new("--api-key-file")
    {
        Description = "File whose first line is an API key: logs in over /jsonrpc, or JSON-2 on Odoo 19 (no web session)",
        HelpName = "FILE",
    };

    public Option<string?> Protocol { get; } = new("--protocol")
    {
        Description = "web (web client session, default with a password), jsonrpc (/jsonrpc), json2 (Odoo 19 with an API key), auto (default with an API key)",
        HelpName = "PROTOCOL",
    };

    public Option<string?> Timeout { get; } = new("--timeout")
    {
        Description = "A call slower than this fails as 'timeout' (default 120s, Odoo's limit_time_real)",
        HelpName = "DURATION",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Target, Database, Login, PasswordFile, ApiKeyFile, Protocol, Timeout })
        {
            command.Add(option);
        }
    }

    /// <exception cref="UsageException">An option is missing or malformed, or the secret cannot be read.</exception>
    public OdooTarget Bind(ParseResult parse)
    {
        var url = Required(parse, Target, "--target URL (e.g. --target http://127.0.0.1:8069)");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https") || string.IsNullOrEmpty(address.Host))
        {
            throw new UsageException($"invalid --target '{Redaction.Apply(url)}': expected an http:// or https:// URL such as http://127.0.0.1:8069");
        }

        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            throw new UsageException("--target must not carry user:password@: give the login with --login and the password with --password-file or ODOO_PASSWORD");
        }

        var database = Required(parse, Database, "--db NAME (the Odoo database)");
        var login = Required(parse, Login, "--login USER");
        var credentials = Credentials(parse, database, login);
        Redaction.Register(credentials);

        var protocol = parse.GetValue(Protocol) is { } protocolText
            ? ParseProtocol(protocolText)
            : credentials.Secret.Kind == OdooSecretKind.ApiKey ? OdooProtocol.Auto : OdooProtocol.WebSession;
        if (protocol == OdooProtocol.WebSession && credentials.Secret.Kind == OdooSecretKind.ApiKey)
        {
            throw new UsageException("--protocol web needs a password (an API key cannot open a web session): use --protocol jsonrpc, json2 or auto with --api-key-file");
        }

        if (protocol == OdooProtocol.Json2 && credentials.Secret.Kind != OdooSecretKind.ApiKey)
        {
            throw new UsageException("--protocol json2 needs --api-key-file (Odoo 19's JSON-2 API takes API keys only)");
        }

        var timeout = parse.GetValue(Timeout) is { } timeoutText ? OptionValues.Duration("--timeout", timeoutText) : TimeSpan.FromSeconds(120);
        var baseAddress = new Uri(address.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        return new OdooTarget(baseAddress, credentials, protocol, timeout);
    }

    private OdooCredentials Credentials(ParseResult parse, string database, string login)
    {
        var passwordFile = parse.GetValue(PasswordFile);
        var apiKeyFile = parse.GetValue(ApiKeyFile);
        if (passwordFile is not null && apiKeyFile is not null)
        {
            throw new UsageException("give --password-file or --api-key-file, not both");
        }

        try
        {
            return passwordFile is not null ? OdooCredentials.FromPasswordFile(database, login, passwordFile)
                : apiKeyFile is not null ? OdooCredentials.FromApiKeyFile(database, login, apiKeyFile)
                : Environment.GetEnvironmentVariable(OdooCredentials.DefaultPasswordVariable) is { Length: > 0 }
                    ? OdooCredentials.FromEnvironment(database, login)
                    : throw new UsageException(
                        $"no password: give --password-file FILE, --api-key-file FILE or the {OdooCredentials.DefaultPasswordVariable} environment variable (a password is never a flag: ps shows flags)");
        }
        catch (OdooCredentialsException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static OdooProtocol ParseProtocol(string text) => text.Trim().ToLowerInvariant() switch
    {
        "web" or "websession" => OdooProtocol.WebSession,
        "jsonrpc" => OdooProtocol.JsonRpc,
        "json2" => OdooProtocol.Json2,
        "auto" => OdooProtocol.Auto,
        _ => throw new UsageException($"invalid --protocol '{text}': expected web, jsonrpc, json2 or auto"),
    };

    private static string Required(ParseResult parse, Option<string?> option, string example) =>
        parse.GetValue(option) is { Length: > 0 } value ? value.Trim() : throw new UsageException($"{option.Name} is required: {example}");
}

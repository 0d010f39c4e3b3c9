namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// An error Odoo answered with: the JSON-RPC <c>error</c> object (HTTP 200), or a JSON-2 error body (HTTP 4xx/5xx). Both carry
/// what <c>odoo/http.py</c> <c>serialize_exception</c> writes: <c>name</c> (module and class), <c>message</c>,
/// <c>arguments</c>, <c>context</c> and <c>debug</c> (the traceback).
/// </summary>
public sealed class OdooRpcException : OdooException
{
    /// <summary>The reason used when the error has no usable name.</summary>
    public const string UnnamedReason = "odoo_error";

    /// <summary>The name of the expiry error in every version (<c>odoo/http.py</c>).</summary>
    public const string SessionExpiredName = "odoo.http.SessionExpiredException";

    private const int MaxShortNameLength = 64;

    internal OdooRpcException(int code, string? odooErrorName, string message, string? debug)
        : base(message)
    {
        Code = code;
        OdooErrorName = odooErrorName;
        ShortName = ShortNameOf(odooErrorName);
        Debug = debug;
    }

    /// <summary>JSON-RPC <c>error.code</c>: 0 for most errors, 100 for an expired session, 404 for an unknown route; 0 for JSON-2.</summary>
    public int Code { get; }

    /// <summary>The exception's full Python name, such as <c>odoo.exceptions.UserError</c> or <c>builtins.AttributeError</c>; null when absent.</summary>
    public string? OdooErrorName { get; }

    /// <summary>The last part of <see cref="OdooErrorName"/> when it is an identifier (<c>UserError</c>), else <see cref="UnnamedReason"/>.</summary>
    public string ShortName { get; }

    /// <summary>The server's traceback, shortened and with the secret masked; kept apart from <see cref="Exception.Message"/>.</summary>
    public string? Debug { get; }

    public override string Reason => ShortName;

    public bool IsSessionExpired => OdooErrorName == SessionExpiredName || ShortName == "SessionExpiredException";

    public bool IsAccessDenied => ShortName == "AccessDenied";

    internal static string ShortNameOf(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return UnnamedReason;
        }

        var last = name[(name.LastIndexOf('.') + 1)..];
        if (last.Length is 0 or > MaxShortNameLength || !(char.IsAsciiLetter(last[0]) || last[0] == '_'))
        {
            return UnnamedReason;
        }

        foreach (var c in last)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return UnnamedReason;
            }
        }

        return last;
    }
}

using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// A Python exception as Odoo serialises it (<c>odoo.http.serialize_exception</c>): the qualified type
/// name, the message and the arguments. Raised anywhere in the simulator, turned into the JSON-RPC
/// <c>error</c> object (or a JSON-2 body) and logged the way <c>odoo.http.Application.__call__</c> does.
/// </summary>
internal sealed class OdooException : Exception
{
    private OdooException(string name, string message, JsonArray arguments, int httpStatus, bool isUserError)
        : base(message)
    {
        ExceptionName = name;
        Arguments = arguments;
        HttpStatus = httpStatus;
        IsUserError = isUserError;
    }

    /// <summary>Qualified Python type, e.g. <c>odoo.exceptions.UserError</c> or <c>builtins.KeyError</c>.</summary>
    public string ExceptionName { get; }

    public JsonArray Arguments { get; }

    /// <summary>HTTP status of the JSON-2 answer (Odoo 19's <c>http_status</c> / werkzeug code).</summary>
    public int HttpStatus { get; }

    /// <summary>A subclass of <c>odoo.exceptions.UserError</c>: Odoo logs it as a WARNING without traceback.</summary>
    public bool IsUserError { get; }

    public bool IsSessionExpired => ExceptionName == SessionExpiredName;

    /// <summary>A werkzeug HTTP exception: Odoo does not log it at all.</summary>
    public bool IsHttpException => ExceptionName.StartsWith("werkzeug.exceptions.", StringComparison.Ordinal);

    /// <summary>The JSON-RPC error code: 100 for an expired session, 404 for NotFound, 200 otherwise.</summary>
    public int JsonRpcCode => IsSessionExpired ? 100 : ExceptionName == NotFoundName ? 404 : 200;

    public const string SessionExpiredName = "odoo.http.SessionExpiredException";
    public const string NotFoundName = "werkzeug.exceptions.NotFound";

    public static OdooException UserError(string message) => Odoo("UserError", message, 422);

    public static OdooException ValidationError(string message) => Odoo("ValidationError", message, 422);

    public static OdooException AccessError(string message) => Odoo("AccessError", message, 403);

    public static OdooException AccessDenied(string message = "Access Denied") => Odoo("AccessDenied", message, 403);

    public static OdooException MissingError(string message) => Odoo("MissingError", message, 404);

    public static OdooException ValueError(string message) => Builtin("ValueError", message);

    public static OdooException TypeError(string message) => Builtin("TypeError", message);

    public static OdooException AttributeError(string message) => Builtin("AttributeError", message);

    /// <summary>A failed <c>assert</c> without message.</summary>
    public static OdooException AssertionError() => Builtin("AssertionError", string.Empty);

    /// <summary>Python's KeyError: the message is the key itself, as <c>exception_to_unicode</c> prints it.</summary>
    public static OdooException KeyError(string key) => Builtin("KeyError", key);

    public static OdooException SessionExpired() => new(SessionExpiredName, "Session expired", ["Session expired"], 403, isUserError: false);

    public static OdooException NotFound(string description = "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.") =>
        Http(NotFoundName, description, 404);

    public static OdooException Unauthorized(string description) => Http("werkzeug.exceptions.Unauthorized", description, 401);

    public static OdooException UnprocessableEntity(string description) => Http("werkzeug.exceptions.UnprocessableEntity", description, 422);

    /// <summary>Any other exception (a database error, a bug): logged as ERROR with a traceback, answered 500 by JSON-2.</summary>
    public static OdooException ServerError(string qualifiedName, string message) => new(qualifiedName, message, [message], 500, isUserError: false);

    private static OdooException Odoo(string type, string message, int status) =>
        new($"odoo.exceptions.{type}", message, [message], status, isUserError: true);

    private static OdooException Builtin(string type, string message) => new($"builtins.{type}", message, [message], 500, isUserError: false);

    // werkzeug's HTTPException serialised by JSON-2: arguments are (description, code).
    private static OdooException Http(string name, string description, int code) => new(name, description, [description, code], code, isUserError: false);
}

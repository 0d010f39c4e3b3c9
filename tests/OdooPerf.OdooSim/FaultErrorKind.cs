namespace OdooPerf.OdooSim;

/// <summary>What an injected failure looks like to the client.</summary>
public enum FaultErrorKind
{
    /// <summary>A JSON-RPC error (HTTP 200) with <c>data.name</c> = <c>odoo.exceptions.UserError</c>, logged as a WARNING.</summary>
    UserError,

    /// <summary>A JSON-RPC error (HTTP 200) with <c>data.name</c> = <c>psycopg2.errors.QueryCanceled</c>, logged as an ERROR with its traceback.</summary>
    ServerError,

    /// <summary>An HTTP 500 with werkzeug's "Internal Server Error" page, logged as an ERROR with its traceback.</summary>
    HttpInternalServerError,
}

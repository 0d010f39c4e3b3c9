using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using OdooPerf.OdooSim.Data;
using OdooPerf.OdooSim.Sessions;

namespace OdooPerf.OdooSim.Http;

/// <summary>One request's state: its SQL counters, its session, and what its werkzeug line will say.</summary>
internal sealed class RequestScope(HttpContext http, SimSession? session, string logDatabase)
{
    public HttpContext Http => http;

    public SqlStats Sql { get; } = new();

    public long Started { get; } = Stopwatch.GetTimestamp();

    /// <summary>The cookie's live session, or null.</summary>
    public SimSession? Session { get; set; } = session;

    /// <summary>A session created by this request (a login), sent back in the <c>session_id</c> cookie.</summary>
    public string? NewSessionId { get; set; }

    /// <summary>Database name the log lines of this request show (<c>?</c> when none is bound).</summary>
    public string LogDatabase { get; set; } = logDatabase;

    /// <summary>Odoo 19's <c>#model.method</c> suffix of the logged path.</summary>
    public string? LogFragment { get; set; }

    public string Address => http.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";

    public string Path => http.Request.Path.Value ?? "/";
}

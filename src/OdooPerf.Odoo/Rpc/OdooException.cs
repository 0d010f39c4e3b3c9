namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// A failed Odoo call, with what a load test records for it: a short bounded <see cref="Reason"/>, the HTTP status, the
/// bytes exchanged and the model and method the call was for (<c>/web/dataset/call_button</c> does not show them).
/// Messages are one line, never hold a traceback and never the secret.
/// </summary>
public abstract class OdooException : Exception
{
    private protected OdooException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>A failure reason from a small set, safe as a report key: <c>UserError</c>, <c>AccessDenied</c>, <c>http_502</c>...</summary>
    public abstract string Reason { get; }

    /// <summary>The HTTP status of the last response, or null when none came.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The model the call was for; null for calls that are not on a model (login, version, actions).</summary>
    public string? Model { get; internal set; }

    /// <summary>The ORM method, or a name for the route (<c>authenticate</c>, <c>version_info</c>, <c>load_action</c>).</summary>
    public string? Method { get; internal set; }

    /// <summary>The path of the last request (<c>/web/dataset/call_button</c>, <c>/jsonrpc</c>...).</summary>
    public string? Route { get; internal set; }

    /// <summary>Request body bytes sent by the call, every HTTP request included (a re-login, a retry).</summary>
    public long BytesSent { get; internal set; }

    /// <summary>Response body bytes read by the call, every HTTP request included.</summary>
    public long BytesReceived { get; internal set; }

    /// <summary>HTTP requests the call sent: 1, or more after a re-login or a version probe.</summary>
    public int HttpRequests { get; internal set; }
}

namespace OdooPerf.Odoo.Rpc;

/// <summary>How <see cref="OdooClient"/> talks to Odoo.</summary>
public enum OdooProtocol
{
    /// <summary>
    /// What the web client does: <c>/web/session/authenticate</c> once, a <c>session_id</c> cookie, then
    /// <c>/web/dataset/call_kw</c>, <c>/web/dataset/call_button</c> and <c>/web/action/load</c>.
    /// </summary>
    WebSession,

    /// <summary>
    /// The external API on <c>/jsonrpc</c>: <c>common.login</c>, then <c>object.execute_kw</c> with the password (or an
    /// API key used as one) on every call. No session, so nothing expires; no <c>/web/action/load</c>.
    /// </summary>
    JsonRpc,

    /// <summary>Odoo 19's JSON-2 API: <c>POST /json/2/MODEL/METHOD</c> with <c>Authorization: Bearer API_KEY</c>, named arguments only.</summary>
    Json2,

    /// <summary>
    /// Asks <c>/web/webclient/version_info</c> first: an API key on Odoo 19 or later uses <see cref="Json2"/>, an API key on
    /// an older version <see cref="JsonRpc"/>, a password <see cref="WebSession"/>.
    /// </summary>
    Auto,
}

namespace OdooPerf.Odoo.Routes;

/// <summary>A bounded grouping of Odoo request paths, fit to be a metric label (see <see cref="OdooRouteClassifier.Label"/>).</summary>
public enum OdooRouteGroup : byte
{
    /// <summary>Any controller not listed below (a custom module's route).</summary>
    Controller = 0,

    /// <summary><c>/web/dataset/call_kw/MODEL/METHOD</c> with any method not grouped more precisely.</summary>
    CallKw,

    /// <summary>call_kw of <c>search_read</c>, <c>web_search_read</c>, <c>/web/dataset/search_read</c>.</summary>
    SearchRead,

    /// <summary>call_kw of <c>read</c>, <c>web_read</c>.</summary>
    Read,

    /// <summary><c>/web/dataset/call_button</c>, <c>/web/action/load</c>, <c>/web/action/run</c>.</summary>
    Action,

    /// <summary><c>/report/...</c>, <c>/web/report/...</c>.</summary>
    Report,

    /// <summary><c>/longpolling/...</c>, <c>/websocket</c>, <c>/bus/...</c>.</summary>
    Bus,

    /// <summary><c>/web/assets/...</c>, <c>/MODULE/static/...</c>, <c>/web/webclient/...</c> translations and version info.</summary>
    Static,

    /// <summary><c>/web/image...</c>, <c>/web/content...</c>.</summary>
    Content,

    /// <summary><c>/xmlrpc/...</c>.</summary>
    XmlRpc,

    /// <summary><c>/jsonrpc</c>.</summary>
    JsonRpc,

    /// <summary>Odoo 19's <c>/json/2/MODEL/METHOD</c>.</summary>
    Json2,

    /// <summary><c>/web/login</c>, <c>/web/session/...</c>, <c>/web/logout</c>.</summary>
    Session,

    /// <summary>Website pages (<c>/</c>, <c>/shop</c>, <c>/blog</c>, <c>/website/...</c>, ...).</summary>
    Website,

    /// <summary><c>/my</c>, <c>/my/...</c>.</summary>
    Portal,
}

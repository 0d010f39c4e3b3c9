namespace OdooPerf.Odoo.Routes;

/// <summary>A bounded grouping of Odoo request paths, fit to be a metric label (see <see cref="OdooRouteClassifier.Label"/>).</summary>
public enum OdooRouteGroup : byte
{
    /// <summary>Any controller not listed below (a custom module's route).</summary>
    Controller = 0,

    /// <summary><c>/web/dataset/call_kw/MODEL/METHOD</c> with any method not grouped more precisely (also without the suffix,
    /// and the other <c>/web/dataset/...</c> routes such as 12's <c>call</c> and <c>resequence</c>).</summary>
    CallKw,

    /// <summary>call_kw of <c>search_read</c>, <c>web_search_read</c>, <c>/web/dataset/search_read</c>.</summary>
    SearchRead,

    /// <summary>call_kw of <c>read</c>, <c>web_read</c>; 12's <c>/web/dataset/load</c>.</summary>
    Read,

    /// <summary><c>/web/dataset/call_button</c> (with <c>/MODEL/METHOD</c> from 17.1), <c>/web/action/...</c> (<c>load</c>, <c>run</c>, ...).</summary>
    Action,

    /// <summary><c>/report/...</c>, <c>/web/report/...</c>, and data exports (<c>/web/export/...</c>, <c>/web/pivot/export_xlsx</c>).</summary>
    Report,

    /// <summary><c>/longpolling/...</c>, <c>/websocket</c>, <c>/bus/...</c>.</summary>
    Bus,

    /// <summary><c>/web/assets/...</c>, <c>/MODULE/static/...</c>, everything under <c>/web/webclient/</c> (locale, translations,
    /// qweb, load_menus, version_info: hash-keyed boot resources), <c>/web/bundle/...</c>, <c>/favicon.ico</c>.</summary>
    Static,

    /// <summary><c>/web/image...</c>, <c>/web/content...</c>, <c>/web/binary/...</c>.</summary>
    Content,

    /// <summary><c>/xmlrpc/...</c>.</summary>
    XmlRpc,

    /// <summary><c>/jsonrpc</c>.</summary>
    JsonRpc,

    /// <summary>Odoo 19's <c>/json/2/MODEL/METHOD</c>.</summary>
    Json2,

    /// <summary><c>/web/login</c>, <c>/web/session/...</c>, <c>/web/logout</c>, <c>/web/signup</c>, <c>/web/reset_password</c>,
    /// <c>/auth_*/...</c>, and the page that boots the web client: <c>/web</c> itself, 17.2+'s <c>/odoo/...</c>.</summary>
    Session,

    /// <summary>Website pages (<c>/</c>, <c>/shop</c>, <c>/blog</c>, <c>/event</c>, <c>/website/...</c>, <c>/website_*/...</c>, ...),
    /// also behind a language prefix (<c>/fr/shop</c>).</summary>
    Website,

    /// <summary><c>/my</c>, <c>/my/...</c>, also behind a language prefix.</summary>
    Portal,
}

namespace OdooPerf.Odoo.Routes;

/// <summary>Turns a logged request path into a bounded <see cref="OdooRouteGroup"/> and, for RPC paths, the model and method.</summary>
/// <remarks>
/// What the paths look like (Odoo's controllers, versions 12 to 19):
/// <list type="bullet">
/// <item>The web client posts ORM calls to <c>/web/dataset/call_kw/MODEL/METHOD</c>, button calls to
/// <c>/web/dataset/call_button</c> (with <c>/MODEL/METHOD</c> from 17.1). The suffix is written by the client and ignored by
/// the server (which reads model and method from the body), so it is only a hint; other callers send no suffix at all.</item>
/// <item>Odoo 19 (from saas-18.3) has the server append the model and method it really ran as a fake fragment,
/// <c>PATH#MODEL.METHOD</c>, on <c>/jsonrpc</c>, <c>/xmlrpc/...</c> execute_kw calls and on call_kw/call_button whenever the
/// path suffix is not exactly <c>MODEL.METHOD</c> (<c>addons/web/controllers/dataset.py</c>, <c>odoo/service/server.py</c>
/// <c>log_request</c>). The fragment is the server's word, so it wins over the path; a one-segment dotted suffix is read
/// as <c>MODEL.METHOD</c> because that is the form the 19 server logs without a fragment.</item>
/// <item>Websites may prefix their pages with a language code (<c>/fr/shop</c>, <c>/fr_BE/my/orders</c>).</item>
/// </list>
/// Choices: <c>/web</c> itself and 17.2+'s <c>/odoo/...</c> (the page that boots the web client for a session) count as
/// <see cref="OdooRouteGroup.Session"/>; everything under <c>/web/webclient/</c> (locale, translations, qweb templates,
/// version_info, load_menus: hash-keyed, cacheable boot resources) and <c>/web/bundle/</c> counts as
/// <see cref="OdooRouteGroup.Static"/>; <c>/web/binary/...</c> counts as <see cref="OdooRouteGroup.Content"/>; data exports
/// (<c>/web/export/...</c>, <c>/web/pivot/export_xlsx</c>) count as <see cref="OdooRouteGroup.Report"/>; other
/// <c>/web/dataset/...</c> routes (12's <c>call</c>, <c>resequence</c>, 19's <c>call_upload</c>) count as
/// <see cref="OdooRouteGroup.CallKw"/>, except 12's <c>/web/dataset/load</c> which is a read.
/// Model and method are only ever spans into the input that have the shape Odoo itself allows (model: lowercase letters,
/// digits, <c>_</c> and <c>.</c>; method: a public Python identifier); anything else leaves them empty.
/// </remarks>
public static class OdooRouteClassifier
{
    /// <summary>Longest model or method name taken from a path; longer ones are left empty.</summary>
    public const int MaxNameLength = 128;

    /// <summary>Classifies a path as werkzeug logged it (query string and Odoo 19's <c>#model.method</c> suffix included). Never throws, never allocates.</summary>
    public static OdooRoute Classify(ReadOnlySpan<byte> path)
    {
        var pathEnd = path.IndexOfAny((byte)'?', (byte)'#');
        var bare = pathEnd < 0 ? path : path[..pathEnd];
        var hash = path.LastIndexOf((byte)'#');
        var fragment = hash < 0 ? default : path[(hash + 1)..];

        if (bare.IsEmpty || bare[0] != (byte)'/')
        {
            return new OdooRoute(OdooRouteGroup.Controller, default, default);
        }

        var rest = bare[1..];
        var first = NextSegment(ref rest);
        var second = NextSegment(ref rest);

        if (second.SequenceEqual("static"u8) && IsModuleName(first))
        {
            return Group(OdooRouteGroup.Static);
        }

        if (first.IsEmpty)
        {
            // "/" is the website's home page; "//x" is nothing Odoo routes.
            return Group(second.IsEmpty && rest.IsEmpty ? OdooRouteGroup.Website : OdooRouteGroup.Controller);
        }

        if (first.SequenceEqual("web"u8))
        {
            return ClassifyWeb(second, rest, fragment);
        }

        if (first.SequenceEqual("jsonrpc"u8))
        {
            return WithFragment(OdooRouteGroup.JsonRpc, fragment);
        }

        if (first.SequenceEqual("xmlrpc"u8))
        {
            return WithFragment(OdooRouteGroup.XmlRpc, fragment);
        }

        if (first.SequenceEqual("json"u8) && second.SequenceEqual("2"u8))
        {
            var model = NextSegment(ref rest);
            var method = NextSegment(ref rest);
            return rest.IsEmpty
                ? new OdooRoute(OdooRouteGroup.Json2, ValidModel(model), ValidMethod(method))
                : Group(OdooRouteGroup.Json2);
        }

        if (first.SequenceEqual("report"u8))
        {
            return Group(OdooRouteGroup.Report);
        }

        if (first.SequenceEqual("longpolling"u8) || first.SequenceEqual("websocket"u8) || first.SequenceEqual("bus"u8))
        {
            return Group(OdooRouteGroup.Bus);
        }

        if (first.SequenceEqual("odoo"u8) || first.StartsWith("auth_"u8))
        {
            return Group(OdooRouteGroup.Session);
        }

        if (first.SequenceEqual("favicon.ico"u8))
        {
            return Group(OdooRouteGroup.Static);
        }

        if (first.SequenceEqual("my"u8))
        {
            return Group(OdooRouteGroup.Portal);
        }

        if (IsWebsiteSegment(first))
        {
            return Group(OdooRouteGroup.Website);
        }

        if (IsLanguageCode(first))
        {
            if (second.SequenceEqual("my"u8))
            {
                return Group(OdooRouteGroup.Portal);
            }

            if (IsWebsiteSegment(second) || (second.IsEmpty && rest.IsEmpty))
            {
                return Group(OdooRouteGroup.Website);
            }
        }

        return Group(OdooRouteGroup.Controller);
    }

    /// <summary>The label value of a group: <c>call_kw</c>, <c>search_read</c>, <c>read</c>, <c>action</c>, <c>report</c>, <c>bus</c>,
    /// <c>static</c>, <c>content</c>, <c>xmlrpc</c>, <c>jsonrpc</c>, <c>json2</c>, <c>session</c>, <c>website</c>, <c>portal</c>, <c>controller</c>.</summary>
    public static string Label(OdooRouteGroup group) => group switch
    {
        OdooRouteGroup.CallKw => "call_kw",
        OdooRouteGroup.SearchRead => "search_read",
        OdooRouteGroup.Read => "read",
        OdooRouteGroup.Action => "action",
        OdooRouteGroup.Report => "report",
        OdooRouteGroup.Bus => "bus",
        OdooRouteGroup.Static => "static",
        OdooRouteGroup.Content => "content",
        OdooRouteGroup.XmlRpc => "xmlrpc",
        OdooRouteGroup.JsonRpc => "jsonrpc",
        OdooRouteGroup.Json2 => "json2",
        OdooRouteGroup.Session => "session",
        OdooRouteGroup.Website => "website",
        OdooRouteGroup.Portal => "portal",
        _ => "controller",
    };

    // Paths under /web/: "second" is the segment after /web/, "rest" what follows it.
    private static OdooRoute ClassifyWeb(ReadOnlySpan<byte> second, ReadOnlySpan<byte> rest, ReadOnlySpan<byte> fragment)
    {
        if (second.IsEmpty)
        {
            return Group(rest.IsEmpty ? OdooRouteGroup.Session : OdooRouteGroup.Controller);
        }

        if (second.SequenceEqual("dataset"u8))
        {
            var third = NextSegment(ref rest);
            if (third.SequenceEqual("call_kw"u8))
            {
                return CallKw(rest, fragment);
            }

            if (third.SequenceEqual("call_button"u8))
            {
                return RpcWithSuffix(OdooRouteGroup.Action, rest, fragment);
            }

            if (third.SequenceEqual("search_read"u8))
            {
                return Group(OdooRouteGroup.SearchRead);
            }

            return Group(third.SequenceEqual("load"u8) ? OdooRouteGroup.Read : OdooRouteGroup.CallKw);
        }

        if (second.SequenceEqual("action"u8))
        {
            return Group(OdooRouteGroup.Action);
        }

        if (second.SequenceEqual("assets"u8) || second.SequenceEqual("webclient"u8) || second.SequenceEqual("bundle"u8)
            || second.SequenceEqual("manifest.webmanifest"u8) || second.SequenceEqual("service-worker.js"u8))
        {
            return Group(OdooRouteGroup.Static);
        }

        if (second.SequenceEqual("image"u8) || second.SequenceEqual("content"u8) || second.SequenceEqual("binary"u8))
        {
            return Group(OdooRouteGroup.Content);
        }

        if (second.SequenceEqual("login"u8) || second.SequenceEqual("session"u8) || second.SequenceEqual("logout"u8)
            || second.SequenceEqual("signup"u8) || second.SequenceEqual("reset_password"u8) || second.SequenceEqual("become"u8))
        {
            return Group(OdooRouteGroup.Session);
        }

        if (second.SequenceEqual("report"u8) || second.SequenceEqual("export"u8) || second.SequenceEqual("pivot"u8))
        {
            return Group(OdooRouteGroup.Report);
        }

        return Group(OdooRouteGroup.Controller);
    }

    private static OdooRoute CallKw(ReadOnlySpan<byte> suffix, ReadOnlySpan<byte> fragment)
    {
        var route = RpcWithSuffix(OdooRouteGroup.CallKw, suffix, fragment);
        var method = route.Method;
        if (method.SequenceEqual("search_read"u8) || method.SequenceEqual("web_search_read"u8))
        {
            return new OdooRoute(OdooRouteGroup.SearchRead, route.Model, method);
        }

        if (method.SequenceEqual("read"u8) || method.SequenceEqual("web_read"u8))
        {
            return new OdooRoute(OdooRouteGroup.Read, route.Model, method);
        }

        return route;
    }

    // call_kw and call_button: the server's fragment if it is well formed, otherwise the client's path suffix,
    // either MODEL/METHOD (12 to 18 web clients) or MODEL.METHOD (the form Odoo 19 logs without a fragment).
    private static OdooRoute RpcWithSuffix(OdooRouteGroup group, ReadOnlySpan<byte> suffix, ReadOnlySpan<byte> fragment)
    {
        if (SplitDotted(fragment, out var fragmentModel, out var fragmentMethod))
        {
            return new OdooRoute(group, fragmentModel, fragmentMethod);
        }

        if (suffix.IndexOf((byte)'/') < 0)
        {
            return SplitDotted(suffix, out var dottedModel, out var dottedMethod)
                ? new OdooRoute(group, dottedModel, dottedMethod)
                : new OdooRoute(group, ValidModel(suffix), default);
        }

        var model = NextSegment(ref suffix);
        var method = NextSegment(ref suffix);
        return suffix.IsEmpty
            ? new OdooRoute(group, ValidModel(model), ValidMethod(method))
            : Group(group);
    }

    private static OdooRoute WithFragment(OdooRouteGroup group, ReadOnlySpan<byte> fragment) =>
        SplitDotted(fragment, out var model, out var method) ? new OdooRoute(group, model, method) : Group(group);

    // "res.partner.web_read" -> ("res.partner", "web_read"); false unless both halves have Odoo's shapes.
    private static bool SplitDotted(ReadOnlySpan<byte> value, out ReadOnlySpan<byte> model, out ReadOnlySpan<byte> method)
    {
        var dot = value.LastIndexOf((byte)'.');
        if (dot > 0 && IsModelName(value[..dot]) && IsMethodName(value[(dot + 1)..]))
        {
            model = value[..dot];
            method = value[(dot + 1)..];
            return true;
        }

        model = default;
        method = default;
        return false;
    }

    private static OdooRoute Group(OdooRouteGroup group) => new(group, default, default);

    private static ReadOnlySpan<byte> ValidModel(ReadOnlySpan<byte> value) => IsModelName(value) ? value : default;

    private static ReadOnlySpan<byte> ValidMethod(ReadOnlySpan<byte> value) => IsMethodName(value) ? value : default;

    // Takes the segment up to the next '/' and leaves "rest" after that slash (empty when there is none).
    private static ReadOnlySpan<byte> NextSegment(scoped ref ReadOnlySpan<byte> rest)
    {
        var slash = rest.IndexOf((byte)'/');
        if (slash < 0)
        {
            var last = rest;
            rest = default;
            return last;
        }

        var segment = rest[..slash];
        rest = rest[(slash + 1)..];
        return segment;
    }

    /// <summary>Odoo's model-name shape (<c>ir.model</c>'s own check): a lowercase letter, then lowercase letters, digits,
    /// <c>_</c> and single dots, not ending with a dot, at most <see cref="MaxNameLength"/> bytes.</summary>
    internal static bool IsModelName(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > MaxNameLength || !IsLower(value[0]))
        {
            return false;
        }

        var previous = value[0];
        foreach (var b in value[1..])
        {
            if (b == (byte)'.' ? previous == (byte)'.' : !(IsLower(b) || IsDigit(b) || b == (byte)'_'))
            {
                return false;
            }

            previous = b;
        }

        return previous != (byte)'.';
    }

    /// <summary>An ASCII Python identifier that does not start with <c>_</c>: Odoo refuses to call private methods over RPC,
    /// so a path naming one is not a real call.</summary>
    internal static bool IsMethodName(ReadOnlySpan<byte> value) => IsPublicIdentifier(value);

    // An addon's technical name as it appears in /MODULE/static/...
    private static bool IsModuleName(ReadOnlySpan<byte> value) => IsPublicIdentifier(value);

    private static bool IsPublicIdentifier(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > MaxNameLength || !IsLetter(value[0]))
        {
            return false;
        }

        foreach (var b in value[1..])
        {
            if (!(IsLetter(b) || IsDigit(b) || b == (byte)'_'))
            {
                return false;
            }
        }

        return true;
    }

    // First segments of the website modules' own routes (website, website_sale, website_blog, website_event,
    // website_forum, website_slides, website_hr_recruitment, website_customer, website_partner, appointment, helpdesk).
    private static bool IsWebsiteSegment(ReadOnlySpan<byte> segment) =>
        segment.SequenceEqual("website"u8) || segment.StartsWith("website_"u8)
        || segment.SequenceEqual("shop"u8) || segment.SequenceEqual("blog"u8) || segment.SequenceEqual("event"u8)
        || segment.SequenceEqual("contactus"u8) || segment.SequenceEqual("aboutus"u8) || segment.SequenceEqual("page"u8)
        || segment.SequenceEqual("forum"u8) || segment.SequenceEqual("slides"u8) || segment.SequenceEqual("jobs"u8)
        || segment.SequenceEqual("customers"u8) || segment.SequenceEqual("partners"u8) || segment.SequenceEqual("appointment"u8)
        || segment.SequenceEqual("helpdesk"u8) || segment.SequenceEqual("sitemap.xml"u8) || segment.SequenceEqual("robots.txt"u8);

    // A website language prefix: "fr", or "fr_BE", "es_419", "sr_RS@latin", "pt-BR" (url codes vary across versions).
    // A bare three-letter segment is not taken as one, so /api or /crm stay controllers.
    private static bool IsLanguageCode(ReadOnlySpan<byte> segment)
    {
        var at = segment.IndexOf((byte)'@');
        if (at >= 0)
        {
            if (!IsLowerWord(segment[(at + 1)..], 1, 16))
            {
                return false;
            }

            segment = segment[..at];
        }

        var separator = segment.IndexOfAny((byte)'_', (byte)'-');
        if (separator < 0)
        {
            return segment.Length == 2 && IsLower(segment[0]) && IsLower(segment[1]);
        }

        var region = segment[(separator + 1)..];
        if (!IsLowerWord(segment[..separator], 2, 3) || region.Length is < 2 or > 4)
        {
            return false;
        }

        foreach (var b in region)
        {
            if (!(IsLetter(b) || IsDigit(b)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerWord(ReadOnlySpan<byte> value, int minLength, int maxLength)
    {
        if (value.Length < minLength || value.Length > maxLength)
        {
            return false;
        }

        foreach (var b in value)
        {
            if (!IsLower(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLower(byte b) => (uint)(b - 'a') <= 'z' - 'a';

    private static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}

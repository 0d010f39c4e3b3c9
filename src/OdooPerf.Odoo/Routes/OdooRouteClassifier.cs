namespace OdooPerf.Odoo.Routes;

/// <summary>Turns a logged request path into a bounded <see cref="OdooRouteGroup"/> and, for RPC paths, the model and method.</summary>
public static class OdooRouteClassifier
{
    /// <summary>Classifies a path as werkzeug logged it (query string and Odoo 19's <c>#model.method</c> suffix included). Never throws, never allocates.</summary>
    public static OdooRoute Classify(ReadOnlySpan<byte> path) => throw new NotImplementedException();

    /// <summary>The label value of a group: <c>call_kw</c>, <c>search_read</c>, <c>read</c>, <c>action</c>, <c>report</c>, <c>bus</c>,
    /// <c>static</c>, <c>content</c>, <c>xmlrpc</c>, <c>jsonrpc</c>, <c>json2</c>, <c>session</c>, <c>website</c>, <c>portal</c>, <c>controller</c>.</summary>
    public static string Label(OdooRouteGroup group) => throw new NotImplementedException();
}

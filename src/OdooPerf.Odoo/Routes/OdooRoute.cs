namespace OdooPerf.Odoo.Routes;

/// <summary>A classified request path. Model and method are spans into the path, empty when the path does not name them.</summary>
public readonly ref struct OdooRoute
{
    public OdooRoute(OdooRouteGroup group, ReadOnlySpan<byte> model, ReadOnlySpan<byte> method)
    {
        Group = group;
        Model = model;
        Method = method;
    }

    public OdooRouteGroup Group { get; }

    /// <summary>The model, e.g. <c>res.partner</c>; empty unless the path names a valid one.</summary>
    public ReadOnlySpan<byte> Model { get; }

    /// <summary>The method, e.g. <c>web_search_read</c>; empty unless the path names a valid one.</summary>
    public ReadOnlySpan<byte> Method { get; }
}

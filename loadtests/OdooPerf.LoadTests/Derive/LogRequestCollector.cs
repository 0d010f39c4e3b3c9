using System.Text;
using OdooPerf.Odoo.Logs;
using OdooPerf.Odoo.Routes;

namespace OdooPerf.LoadTests.Derive;

/// <summary>
/// Keeps the user actions of an Odoo log, from the werkzeug request lines the project's log parser reads: model calls
/// (<c>/web/dataset/call_kw/MODEL/METHOD</c>, <c>/jsonrpc</c>, JSON-2), buttons (<c>/web/dataset/call_button</c>, with
/// its model and method from 17.1 only) and the web client's actions and session calls. Left out as not what a user
/// waits for at a click: static files and assets, <c>/web/webclient/*</c> boot resources (load_menus, translations:
/// hash-keyed, cached by the browser), images and binary content, the bus (longpolling, websocket), website and portal
/// pages. A request without a model is counted under its <see cref="RoutePattern"/>. Lines the parser cannot read are
/// counted.
/// </summary>
internal sealed class LogRequestCollector : IOdooLogEntryHandler
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public List<ObservedRequest> Requests { get; } = [];

    /// <summary>Request lines that are not user actions (see the class comment).</summary>
    public long Excluded { get; private set; }

    /// <summary>Lines neither an entry nor part of one: malformed, binary, too long.</summary>
    public long Unparsed { get; private set; }

    public void OnEntry(in OdooLogEntry entry)
    {
        if (entry.Kind != OdooLogEntryKind.Request || !entry.Request.HasPerformance)
        {
            return;
        }

        var request = entry.Request;
        var route = OdooRouteClassifier.Classify(request.Path);
        if (route.Group is OdooRouteGroup.Static or OdooRouteGroup.Content or OdooRouteGroup.Bus or OdooRouteGroup.Website or OdooRouteGroup.Portal)
        {
            Excluded++;
            return;
        }

        var model = route.Model.IsEmpty ? null : Shared(Encoding.ASCII.GetString(route.Model));
        var method = route.Method.IsEmpty ? null : Encoding.ASCII.GetString(route.Method);
        var path = RoutePattern.Of(Encoding.UTF8.GetString(request.Path));
        var isButton = route.Group == OdooRouteGroup.Action && path.StartsWith("/web/dataset/call_button", StringComparison.Ordinal);
        var call = Shared(model is not null && method is not null ? $"{model}.{method}" : path);
        Requests.Add(new ObservedRequest(entry.Timestamp, Shared(Encoding.ASCII.GetString(request.Address)), call, model, isButton && model is null, request.DurationSeconds));
    }

    // A production log has millions of requests but few distinct addresses and calls: every request keeps a reference
    // to one shared copy instead of a string of its own.
    private string Shared(string text)
    {
        if (_strings.TryGetValue(text, out var shared))
        {
            return shared;
        }

        _strings.Add(text, text);
        return text;
    }

    public void OnUnparsed(OdooLogUnparsedReason reason, ReadOnlySpan<byte> line)
    {
        // A foreign line (another program's output in the same file) is not an error of the log.
        if (reason != OdooLogUnparsedReason.Foreign)
        {
            Unparsed++;
        }
    }
}

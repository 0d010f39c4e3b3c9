using OdooPerf.Load.Scenarios;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// One virtual user's browser: its own connections and cookie jar (so its own Odoo session, kept across its
/// iterations) and what it created that later steps reuse. Kept in the user's state bag; disposed when the user stops.
/// </summary>
internal sealed class OdooVirtualUser : IDisposable
{
    public const string StateKey = "odooperf.odoo";

    // A browser opens up to 6 connections per host; one user's calls are sequential, so 2 are plenty.
    private const int ConnectionsPerUser = 2;

    private readonly HttpClient _http;

    public OdooVirtualUser(OdooTarget target)
    {
        _http = VirtualUserHttp.Create(target.BaseAddress, cookies: true, target.Timeout, ConnectionsPerUser);
        Client = target.CreateClient(_http);
    }

    public OdooClient Client { get; }

    public void Dispose() => _http.Dispose();
}

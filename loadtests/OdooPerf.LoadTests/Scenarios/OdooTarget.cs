using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>The Odoo a run drives: where, as whom, with which protocol, how long a request may take.</summary>
internal sealed record OdooTarget(Uri BaseAddress, OdooCredentials Credentials, OdooProtocol Protocol, TimeSpan Timeout)
{
    /// <summary>The address as printed: no user information, ever.</summary>
    public string Display => new UriBuilder(BaseAddress) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>A client for one virtual user (or the preflight): its own connection pool and cookie jar, so its own session.</summary>
    public OdooClient CreateClient(HttpClient http) =>
        new(http, Credentials, new OdooClientOptions { Protocol = Protocol, BaseAddress = BaseAddress });
}

using OdooPerf.Odoo.Rpc;
using Xunit;
using static OdooPerf.Odoo.Tests.Rpc.RpcTest;

namespace OdooPerf.Odoo.Tests.Rpc;

public sealed class AutoProtocolTests
{
    [Theory]
    [InlineData(19, true, OdooProtocol.Json2, "/json/2/res.users/context_get")]
    [InlineData(18, true, OdooProtocol.JsonRpc, "/jsonrpc")]
    [InlineData(19, false, OdooProtocol.WebSession, "/web/session/authenticate")]
    [InlineData(17, false, OdooProtocol.WebSession, "/web/session/authenticate")]
    public async Task Auto_asks_the_version_then_picks_the_protocol_for_the_secret(int version, bool apiKey, OdooProtocol expected, string loginPath)
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.MajorVersion = version;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, apiKey ? ApiKeyCredentials() : PasswordCredentials(), new OdooClientOptions { Protocol = OdooProtocol.Auto });
        Assert.Equal(OdooProtocol.Auto, client.Protocol);

        var session = await client.AuthenticateAsync();

        Assert.Equal(expected, session.Protocol);
        Assert.Equal(expected, client.Protocol);
        Assert.Equal(["/web/webclient/version_info", loginPath], server.Requests.Select(r => r.Path));
        Assert.Equal(2, session.Response.HttpRequests);
        Assert.Equal(version, client.ServerVersion?.Major);
    }
}

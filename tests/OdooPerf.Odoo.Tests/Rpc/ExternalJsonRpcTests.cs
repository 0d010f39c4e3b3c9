using System.Text.Json.Nodes;
using OdooPerf.Odoo.Rpc;
using Xunit;
using static OdooPerf.Odoo.Tests.Rpc.RpcTest;

namespace OdooPerf.Odoo.Tests.Rpc;

public sealed class ExternalJsonRpcTests
{
    private static readonly OdooClientOptions JsonRpc = new() { Protocol = OdooProtocol.JsonRpc };

    [Fact]
    public async Task Login_is_common_login_and_calls_are_execute_kw_with_the_uid_and_password()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials(), JsonRpc);
        server.OnCall = _ => JsonValue.Create(31);

        var session = await client.AuthenticateAsync();
        var response = await client.CallAsync(new OdooCall("sale.order", "search_count")
        {
            Args = [new JsonArray(new JsonArray("state", "=", "sale"))],
            Context = new JsonObject { ["active_test"] = false },
        });

        Assert.Equal((FakeOdooRpcServer.Uid, OdooProtocol.JsonRpc), (session.Uid, session.Protocol));
        var requests = server.Requests;
        Assert.All(requests, r => Assert.Equal("/jsonrpc", r.Path));
        Assert.All(requests, r => Assert.Null(r.Cookie));
        JsonEqual(
            $$"""{"service": "common", "method": "login", "args": ["perf", "admin", "{{FakeOdooRpcServer.Password}}"]}""",
            Params(requests[0]));
        JsonEqual(
            $$$"""
            {"service": "object", "method": "execute_kw", "args": [
              "perf", 2, "{{{FakeOdooRpcServer.Password}}}", "sale.order", "search_count",
              [[["state", "=", "sale"]]], {"context": {"active_test": false}}]}
            """,
            Params(requests[1]));
        Assert.Equal(31, response.Result.GetInt32());
        Assert.Equal(("sale.order", "search_count", "/jsonrpc"), (response.Model, response.Method, response.Route));
    }

    [Fact]
    public async Task Records_are_sent_as_the_first_argument()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials(), JsonRpc);
        await client.AuthenticateAsync();

        await client.WriteAsync("res.partner", [4, 5], new JsonObject { ["name"] = "Deco Addict" });

        var args = Params(server.Requests[^1])["args"]!.AsArray();
        JsonEqual("""[[4, 5], {"name": "Deco Addict"}]""", args[5]);
        JsonEqual("{}", args[6]);
    }

    [Fact]
    public async Task A_refused_login_is_access_denied()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials("not-the-password"), JsonRpc);

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.AuthenticateAsync());

        Assert.Equal("AccessDenied", failure.Reason);
        Assert.True(failure.IsAccessDenied);
        Assert.Equal(("/jsonrpc", 200, 1), (failure.Route, failure.StatusCode, failure.HttpRequests));
    }

    [Fact]
    public async Task Version_dependent_helpers_ask_version_info_once_then_use_it()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.MajorVersion = 16;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials(), JsonRpc);
        server.OnCall = _ => new JsonObject { ["length"] = 0, ["records"] = new JsonArray() };
        await client.AuthenticateAsync();

        var first = await client.WebSearchReadAsync("res.partner", null, OdooSpecification.Of("name"));
        var second = await client.WebSearchReadAsync("res.partner", null, OdooSpecification.Of("name"));

        Assert.Equal(2, first.HttpRequests);
        Assert.Equal(1, second.HttpRequests);
        Assert.Equal(1, server.Count("/web/webclient/version_info"));
        Assert.Equal(16, client.ServerVersion?.Major);
    }
}

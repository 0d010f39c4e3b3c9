using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OdooPerf.Odoo.Rpc;
using Xunit;
using static OdooPerf.Odoo.Tests.Rpc.RpcTest;

namespace OdooPerf.Odoo.Tests.Rpc;

public sealed class WebSessionTests
{
    [Fact]
    public async Task Authenticate_keeps_the_session_cookie_and_call_kw_sends_it_in_the_web_clients_shape()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        server.OnCall = _ => new JsonArray(new JsonObject { ["id"] = 7, ["name"] = "Azure Interior" });

        var session = await client.AuthenticateAsync();
        var response = await client.CallKwAsync(
            "res.partner",
            "search_read",
            [new JsonArray()],
            new JsonObject { ["fields"] = new JsonArray("name"), ["limit"] = 5, ["context"] = new JsonObject { ["active_test"] = false } });

        Assert.Equal(FakeOdooRpcServer.Uid, session.Uid);
        Assert.Equal(OdooProtocol.WebSession, session.Protocol);
        Assert.Equal(17, session.ServerVersion?.Major);
        Assert.Equal("en_US", session.UserContext.GetProperty("lang").GetString());
        Assert.Equal("/web/session/authenticate", session.Response.Route);

        var requests = server.Requests;
        Assert.Equal(["/web/session/authenticate", "/web/dataset/call_kw/res.partner/search_read"], requests.Select(r => r.Path));
        Assert.Null(requests[0].Cookie);
        Assert.Matches("^session_id=[0-9a-f]{40}$", requests[1].Cookie);
        Assert.StartsWith("application/json", requests[1].ContentType);
        JsonEqual(
            $$"""{"jsonrpc": "2.0", "method": "call", "params": {"db": "perf", "login": "admin", "password": "{{FakeOdooRpcServer.Password}}"}, "id": 1}""",
            Body(requests[0]));
        JsonEqual(
            """
            {"jsonrpc": "2.0", "method": "call", "id": 2, "params": {
              "model": "res.partner", "method": "search_read", "args": [[]],
              "kwargs": {"fields": ["name"], "limit": 5,
                         "context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2, "active_test": false}}}}
            """,
            Body(requests[1]));

        Assert.Equal(7, response.GetRecords()[0].GetProperty("id").GetInt32());
        Assert.Equal(("res.partner", "search_read", "/web/dataset/call_kw/res.partner/search_read", 200, 1),
            (response.Model, response.Method, response.Route, response.StatusCode, response.HttpRequests));
    }

    [Fact]
    public async Task Bytes_sent_and_received_are_the_request_and_response_bodies()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        server.OnCall = _ => JsonValue.Create(new string('x', 5000));

        var session = await client.AuthenticateAsync();
        var response = await client.CallKwAsync("res.partner", "read", [new JsonArray(1, 2, 3)]);

        var requests = server.Requests;
        Assert.Equal(Utf8Length(requests[0].Body), session.Response.BytesSent);
        Assert.Equal(requests[0].ResponseBytes, session.Response.BytesReceived);
        Assert.Equal(Utf8Length(requests[1].Body), response.BytesSent);
        Assert.Equal(requests[1].ResponseBytes, response.BytesReceived);
        Assert.True(response.BytesReceived > 5000);
    }

    [Fact]
    public async Task Json_rpc_request_ids_increase_per_client()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());

        await client.AuthenticateAsync();
        await client.CallKwAsync("res.partner", "check_access_rights", ["read"]);
        await client.VersionInfoAsync();

        Assert.Equal([1, 2, 3], server.Requests.Select(r => (int)Body(r)["id"]!));
    }

    [Theory]
    [InlineData(17, "/web/dataset/call_button")]
    [InlineData(18, "/web/dataset/call_button/sale.order/action_confirm")]
    public async Task A_button_goes_through_call_button_and_the_response_names_the_model_and_method(int version, string path)
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.MajorVersion = version;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        server.OnCall = _ => new JsonObject { ["type"] = "ir.actions.act_window", ["res_model"] = "confirm.stock.sms" };

        await client.AuthenticateAsync();
        var response = await client.CallButtonAsync("sale.order", "action_confirm", [42], new JsonObject { ["validate_analytic"] = true });

        var request = server.Requests[^1];
        Assert.Equal(path, request.Path);
        JsonEqual(
            """
            {"model": "sale.order", "method": "action_confirm", "args": [[42]],
             "kwargs": {"context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2, "validate_analytic": true}}}
            """,
            Params(request));
        Assert.Equal(("sale.order", "action_confirm", path), (response.Model, response.Method, response.Route));
        Assert.Equal("confirm.stock.sms", response.Result.GetProperty("res_model").GetString());
    }

    [Theory]
    [InlineData(17, "context")]
    [InlineData(16, "additional_context")]
    public async Task Load_action_sends_the_action_and_the_context_under_the_versions_name(int version, string contextKey)
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.MajorVersion = version;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        server.OnCall = _ => new JsonObject { ["type"] = "ir.actions.act_window", ["res_model"] = "sale.order" };

        await client.AuthenticateAsync();
        var response = await client.LoadActionAsync("sale.action_orders", new JsonObject { ["search_default_my"] = 1 });

        var request = server.Requests[^1];
        Assert.Equal("/web/action/load", request.Path);
        JsonEqual(
            $$$"""{"action_id": "sale.action_orders", "{{{contextKey}}}": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2, "search_default_my": 1}}""",
            Params(request));
        Assert.Equal(("load_action", "/web/action/load"), (response.Method, response.Route));
        Assert.Null(response.Model);
    }

    [Fact]
    public async Task A_method_that_returns_none_has_no_result_key_and_gives_a_null_result()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        server.OnCall = _ => FakeOdooRpcServer.NoResult;

        await client.AuthenticateAsync();
        var response = await client.CallButtonAsync("stock.picking", "action_assign", [5]);

        Assert.DoesNotContain("result", Body(server.Requests[^1]).ToJsonString(), StringComparison.Ordinal);
        Assert.True(response.IsNull);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Result.ValueKind);
    }

    [Fact]
    public async Task Version_info_needs_no_login()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.MajorVersion = 16;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());

        var response = await client.VersionInfoAsync();

        Assert.Equal("16.0", response.Result.GetProperty("server_version").GetString());
        Assert.Equal(16, client.ServerVersion?.Major);
        Assert.Equal("/web/webclient/version_info", server.Requests.Single().Path);
    }

    [Fact]
    public async Task Calling_before_logging_in_is_a_programming_error()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.CallKwAsync("res.partner", "read"));
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("res.partner/../web", "read")]
    [InlineData("Res.Partner", "read")]
    [InlineData("res.partner", "read?x=1")]
    [InlineData("res.partner", "1read")]
    public async Task Names_that_are_not_odoos_are_refused_before_anything_is_sent(string model, string method)
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        await client.AuthenticateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => client.CallKwAsync(model, method));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_base_address_with_a_path_is_kept()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.Intercept = async context =>
        {
            if (!context.Request.Path.StartsWithSegments("/odoo"))
            {
                return false;
            }

            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("not here");
            return true;
        };
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials(), new OdooClientOptions { BaseAddress = new Uri(server.BaseAddress, "odoo") });

        var failure = await Assert.ThrowsAsync<OdooHttpException>(() => client.AuthenticateAsync());

        Assert.Equal("/odoo/web/session/authenticate", server.Requests.Single().Path);
        Assert.Equal("http_404", failure.Reason);
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OdooPerf.Odoo.Rpc;
using Xunit;
using static OdooPerf.Odoo.Tests.Rpc.RpcTest;

namespace OdooPerf.Odoo.Tests.Rpc;

public sealed class Json2Tests
{
    private static readonly OdooClientOptions Json2 = new() { Protocol = OdooProtocol.Json2 };

    [Fact]
    public async Task Calls_carry_the_bearer_key_and_database_and_send_ids_context_and_named_arguments()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.MajorVersion = 19;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, ApiKeyCredentials(), Json2);

        var session = await client.AuthenticateAsync();
        var response = await client.WriteAsync("res.partner", [7], new JsonObject { ["name"] = "Gemini Furniture" }, new JsonObject { ["tracking_disable"] = true });

        Assert.Equal((OdooProtocol.Json2, FakeOdooRpcServer.Uid, 19), (session.Protocol, session.Uid, session.ServerVersion?.Major));
        var requests = server.Requests;
        Assert.Equal(["/json/2/res.users/context_get", "/json/2/res.partner/write"], requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.Equal("Bearer " + FakeOdooRpcServer.ApiKey, r.Authorization));
        Assert.All(requests, r => Assert.Equal(FakeOdooRpcServer.Database, r.Database));
        Assert.All(requests, r => Assert.Equal("application/json", r.ContentType));
        Assert.All(requests, r => Assert.Null(r.Cookie));
        JsonEqual(
            """
            {"ids": [7], "vals": {"name": "Gemini Furniture"},
             "context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2, "tracking_disable": true}}
            """,
            Body(requests[1]));
        Assert.True(response.Result.GetBoolean());
        Assert.Equal(("res.partner", "write", "/json/2/res.partner/write", 200), (response.Model, response.Method, response.Route, response.StatusCode));
    }

    [Fact]
    public async Task Web_client_helpers_send_nineteens_named_arguments()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.MajorVersion = 19;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, ApiKeyCredentials(), Json2);
        server.OnCall = _ => new JsonObject { ["length"] = 0, ["records"] = new JsonArray() };
        await client.AuthenticateAsync();

        await client.WebSearchReadAsync(
            "sale.order",
            OdooDomain.Where("state", "=", "sale"),
            new OdooSpecification().Field("name").Field("partner_id", p => p.Field("display_name")),
            limit: 80,
            order: "date_order desc");
        await client.CreateAsync("res.partner", new JsonObject { ["name"] = "New" });

        var requests = server.Requests;
        Assert.Equal(1, server.Count("/json/2/sale.order/web_search_read"));
        Assert.Equal(0, server.Count("/web/webclient/version_info"));
        JsonEqual(
            """
            {"specification": {"name": {}, "partner_id": {"fields": {"display_name": {}}}},
             "domain": [["state", "=", "sale"]], "offset": 0, "limit": 80, "order": "date_order desc",
             "context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2}}
            """,
            Body(requests[1]));
        JsonEqual("""{"vals_list": {"name": "New"}, "context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2}}""", Body(requests[2]));
    }

    [Fact]
    public async Task An_error_body_becomes_a_typed_exception_with_the_http_status()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, ApiKeyCredentials(), Json2);
        server.OnCall = _ => throw new FakeOdooError("odoo.exceptions.UserError", "The order is already confirmed.", 422);
        await client.AuthenticateAsync();

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.CallButtonAsync("sale.order", "action_confirm", [3]));

        Assert.Equal(("UserError", 422, "The order is already confirmed."), (failure.Reason, failure.StatusCode, failure.Message));
        Assert.Equal(("sale.order", "action_confirm", "/json/2/sale.order/action_confirm"), (failure.Model, failure.Method, failure.Route));
        Assert.Contains("Traceback", failure.Debug, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_unauthorized()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, ApiKeyCredentials("ffffffffffffffffffffffffffffffffffffffff"), Json2);

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.AuthenticateAsync());

        Assert.Equal(("Unauthorized", 401, "werkzeug.exceptions.Unauthorized"), (failure.Reason, failure.StatusCode, failure.OdooErrorName));
        Assert.Equal("Invalid apikey", failure.Message);
    }

    [Fact]
    public async Task A_non_json_error_is_an_http_failure()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, ApiKeyCredentials(), Json2);
        await client.AuthenticateAsync();
        server.Intercept = async context =>
        {
            context.Response.StatusCode = 504;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body>504 Gateway Time-out</body></html>");
            return true;
        };

        var failure = await Assert.ThrowsAsync<OdooHttpException>(() => client.SearchCountAsync("res.partner", null));

        Assert.Equal(("http_504", 504), (failure.Reason, failure.StatusCode));
    }

    [Fact]
    public async Task Positional_arguments_without_names_are_refused_before_anything_is_sent()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, ApiKeyCredentials(), Json2);
        await client.AuthenticateAsync();

        var failure = await Assert.ThrowsAsync<NotSupportedException>(() => client.CallKwAsync("res.partner", "read", [new JsonArray(1), new JsonArray("name")]));

        Assert.Contains("named arguments", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_method_returning_none_gives_a_null_result()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, ApiKeyCredentials(), Json2);
        server.OnCall = _ => FakeOdooRpcServer.NoResult;
        await client.AuthenticateAsync();

        var response = await client.CallButtonAsync("stock.picking", "action_assign", [5]);

        Assert.True(response.IsNull);
    }
}

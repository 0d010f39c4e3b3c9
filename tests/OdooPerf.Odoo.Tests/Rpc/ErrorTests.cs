using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OdooPerf.Odoo.Rpc;
using Xunit;
using static OdooPerf.Odoo.Tests.Rpc.RpcTest;

namespace OdooPerf.Odoo.Tests.Rpc;

public sealed class ErrorTests
{
    [Fact]
    public async Task An_error_object_becomes_a_typed_exception_with_the_short_name_as_reason_and_no_traceback_in_the_message()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        server.OnCall = _ => throw new FakeOdooError("odoo.exceptions.UserError", "You cannot confirm an order without lines.");
        await client.AuthenticateAsync();

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.CallButtonAsync("sale.order", "action_confirm", [3]));

        Assert.Equal("odoo.exceptions.UserError", failure.OdooErrorName);
        Assert.Equal("UserError", failure.ShortName);
        Assert.Equal("UserError", failure.Reason);
        Assert.Equal("You cannot confirm an order without lines.", failure.Message);
        Assert.Equal(0, failure.Code);
        Assert.Contains("Traceback (most recent call last)", failure.Debug, StringComparison.Ordinal);
        Assert.DoesNotContain("Traceback", failure.Message, StringComparison.Ordinal);
        Assert.Equal(("sale.order", "action_confirm", "/web/dataset/call_button", 200, 1),
            (failure.Model, failure.Method, failure.Route, failure.StatusCode, failure.HttpRequests));
        var request = server.Requests[^1];
        Assert.Equal(Utf8Length(request.Body), failure.BytesSent);
        Assert.Equal(request.ResponseBytes, failure.BytesReceived);
    }

    [Theory]
    [InlineData("builtins.AttributeError", "AttributeError")]
    [InlineData("odoo.exceptions.ValidationError", "ValidationError")]
    [InlineData("odoo.exceptions.AccessError", "AccessError")]
    [InlineData("psycopg2.errors.SerializationFailure", "SerializationFailure")]
    [InlineData("odoo.addons.x.weird-name", OdooRpcException.UnnamedReason)]
    [InlineData("odoo.exceptions.", OdooRpcException.UnnamedReason)]
    [InlineData("odoo.1abc", OdooRpcException.UnnamedReason)]
    [InlineData("odoo.exceptions.Name With Spaces", OdooRpcException.UnnamedReason)]
    public async Task The_reason_is_the_last_part_of_the_name_when_it_is_an_identifier(string name, string reason)
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        server.OnCall = _ => throw new FakeOdooError(name, "boom");
        await client.AuthenticateAsync();

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.CallKwAsync("res.partner", "read", [new JsonArray(1)]));

        Assert.Equal(reason, failure.Reason);
        Assert.Equal(name, failure.OdooErrorName);
    }

    [Fact]
    public async Task An_error_without_data_still_fails_with_a_bounded_reason()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.Intercept = async context =>
        {
            await context.Response.WriteAsJsonAsync(JsonNode.Parse("""{"jsonrpc": "2.0", "id": 1, "error": {"code": 0, "message": "Odoo Server Error"}}"""));
            return true;
        };
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.AuthenticateAsync());

        Assert.Equal(OdooRpcException.UnnamedReason, failure.Reason);
        Assert.Null(failure.OdooErrorName);
        Assert.Equal("Odoo Server Error", failure.Message);
        Assert.Equal("authenticate", failure.Method);
    }

    [Fact]
    public async Task A_long_multi_line_message_is_cut_to_one_line()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials(), new OdooClientOptions { MaxMessageLength = 100 });
        server.OnCall = _ => throw new FakeOdooError("odoo.exceptions.ValidationError", "line one\nline two\r\n" + new string('z', 1000));
        await client.AuthenticateAsync();

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.CallKwAsync("res.partner", "write", [new JsonArray(1), new JsonObject()]));

        Assert.StartsWith("line one line two zzz", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Message.Length <= 101, failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public async Task A_proxys_html_502_is_an_http_failure()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        await client.AuthenticateAsync();
        server.Intercept = async context =>
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>");
            return true;
        };

        var failure = await Assert.ThrowsAsync<OdooHttpException>(() => client.WebSearchReadAsync("res.partner", null, OdooSpecification.Of("name")));

        Assert.Equal("http_502", failure.Reason);
        Assert.Equal(502, failure.StatusCode);
        Assert.Contains("502 Bad Gateway", failure.Message, StringComparison.Ordinal);
        Assert.Equal(("res.partner", "web_search_read"), (failure.Model, failure.Method));
        Assert.True(failure.BytesReceived > 0);
    }

    [Fact]
    public async Task A_200_answer_that_is_not_json_is_an_invalid_response()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.Intercept = async context =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<!DOCTYPE html><html><body>Odoo login page</body></html>");
            return true;
        };
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());

        var failure = await Assert.ThrowsAsync<OdooHttpException>(() => client.AuthenticateAsync());

        Assert.Equal("invalid_response", failure.Reason);
        Assert.Equal(200, failure.StatusCode);
        Assert.Contains("text/html", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_fails_without_being_read_whole()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials(), new OdooClientOptions { MaxResponseBytes = 4096 });
        await client.AuthenticateAsync();
        server.OnCall = _ => JsonValue.Create(new string('x', 100_000));

        var failure = await Assert.ThrowsAsync<OdooHttpException>(() => client.CallKwAsync("ir.attachment", "read", [new JsonArray(1)]));

        Assert.Equal("response_too_large", failure.Reason);
        Assert.True(failure.BytesReceived <= 4097, failure.BytesReceived.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_login_that_needs_a_second_factor_fails_with_mfa_required()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.RequiresSecondFactor = true;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());

        var failure = await Assert.ThrowsAsync<OdooProtocolException>(() => client.AuthenticateAsync());

        Assert.Equal("mfa_required", failure.Reason);
        Assert.False(client.IsAuthenticated);
    }

    [Fact]
    public async Task Load_action_without_a_web_session_is_not_supported_and_sends_nothing()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials(), new OdooClientOptions { Protocol = OdooProtocol.JsonRpc });
        await client.AuthenticateAsync();

        await Assert.ThrowsAsync<NotSupportedException>(() => client.LoadActionAsync(42));
        Assert.Single(server.Requests);
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OdooPerf.Odoo.Rpc;
using Xunit;
using static OdooPerf.Odoo.Tests.Rpc.RpcTest;

namespace OdooPerf.Odoo.Tests.Rpc;

/// <summary>The secret appears in no object, message or rendering the client hands out, even when the server quotes it.</summary>
public sealed class SecretLeakTests
{
    private const string WrongPassword = "Wrong-Pw-5b8e2a71";

    [Fact]
    public async Task A_refused_web_login_is_access_denied_and_the_password_is_nowhere()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.QuoteSecretsInErrors = true;
        using var http = server.NewUserClient();
        var credentials = PasswordCredentials(WrongPassword);
        var client = new OdooClient(http, credentials);

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.AuthenticateAsync());

        Assert.Equal("AccessDenied", failure.Reason);
        Assert.Contains(WrongPassword, server.Requests.Single().Body, StringComparison.Ordinal);
        Assert.Contains("(request was", failure.Message, StringComparison.Ordinal);
        AssertAbsent(WrongPassword, failure, client, credentials, credentials.Secret);
    }

    [Fact]
    public async Task Errors_on_jsonrpc_which_sends_the_password_with_every_call_do_not_carry_it()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.QuoteSecretsInErrors = true;
        server.OnCall = _ => throw new FakeOdooError("odoo.exceptions.UserError", "no");
        using var http = server.NewUserClient();
        var credentials = PasswordCredentials();
        var client = new OdooClient(http, credentials, new OdooClientOptions { Protocol = OdooProtocol.JsonRpc });
        var session = await client.AuthenticateAsync();
        var call = new OdooCall("res.partner", "write") { Ids = [1], Args = [new JsonObject()] };

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.CallAsync(call));

        Assert.Contains(FakeOdooRpcServer.Password, server.Requests[^1].Body, StringComparison.Ordinal);
        AssertAbsent(FakeOdooRpcServer.Password, failure, client, credentials, session, session.Response, call);
    }

    [Fact]
    public async Task A_refused_api_key_is_nowhere()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var credentials = ApiKeyCredentials("deadbeefdeadbeefdeadbeefdeadbeefdeadbeef");
        var client = new OdooClient(http, credentials, new OdooClientOptions { Protocol = OdooProtocol.Json2 });

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.AuthenticateAsync());

        AssertAbsent("deadbeefdeadbeefdeadbeefdeadbeefdeadbeef", failure, client, credentials);
    }

    [Fact]
    public async Task A_secret_with_json_escaped_characters_is_masked_in_its_quoted_form_too()
    {
        const string password = "Pw\"quote\\back<tag>é";
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.QuoteSecretsInErrors = true;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials(password));

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.AuthenticateAsync());

        // The server quoted the request body, where the password is JSON-escaped.
        Assert.Contains("\"password\":\"***\"", failure.Message, StringComparison.Ordinal);
        string[] forms = [password, JsonEncodedText.Encode(password, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value, JsonEncodedText.Encode(password).Value];
        Assert.All(forms, form => Assert.DoesNotContain(form, failure.Message + failure.Debug, StringComparison.Ordinal));
    }

    private static void AssertAbsent(string secret, params object[] objects)
    {
        foreach (var item in objects)
        {
            var rendered = EveryRendering(item);
            Assert.DoesNotContain(secret, rendered, StringComparison.Ordinal);
        }

        var exception = objects.OfType<Exception>().FirstOrDefault();
        if (exception is OdooRpcException rpc)
        {
            Assert.DoesNotContain(secret, rpc.Debug ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(secret, JsonSerializer.Serialize(new { rpc.Message, rpc.Debug, rpc.Reason, rpc.OdooErrorName }), StringComparison.Ordinal);
        }
    }
}

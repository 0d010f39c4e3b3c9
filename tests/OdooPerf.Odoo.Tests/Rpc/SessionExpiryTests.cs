using System.Text.Json.Nodes;
using OdooPerf.Odoo.Rpc;
using Xunit;
using static OdooPerf.Odoo.Tests.Rpc.RpcTest;

namespace OdooPerf.Odoo.Tests.Rpc;

public sealed class SessionExpiryTests
{
    private const string Login = "/web/session/authenticate";
    private const string CallKw = "/web/dataset/call_kw";

    [Fact]
    public async Task An_expired_session_logs_in_once_more_and_retries_the_call_once()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        server.OnCall = _ => JsonValue.Create(12);
        await client.AuthenticateAsync();
        server.ExpireSessions();

        var response = await client.CallKwAsync("res.partner", "search_count", [new JsonArray()]);

        Assert.Equal(12, response.Result.GetInt32());
        var requests = server.Requests;
        Assert.Equal([Login, CallKw, Login, CallKw], requests.Select(r => r.Path.StartsWith(CallKw, StringComparison.Ordinal) ? CallKw : r.Path));
        Assert.NotEqual(requests[1].Cookie, requests[3].Cookie);
        Assert.Equal(3, response.HttpRequests);
        Assert.Equal(requests.Skip(1).Sum(r => Utf8Length(r.Body)), response.BytesSent);
        Assert.Equal(requests.Skip(1).Sum(r => r.ResponseBytes), response.BytesReceived);
        Assert.Equal(("res.partner", "search_count", "/web/dataset/call_kw/res.partner/search_count"), (response.Model, response.Method, response.Route));
    }

    [Fact]
    public async Task A_second_expiry_is_thrown_after_one_new_login()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.ExpireEverySession = true;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        await client.AuthenticateAsync();

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.CallKwAsync("res.partner", "search_count", [new JsonArray()]));

        Assert.True(failure.IsSessionExpired);
        Assert.Equal("SessionExpiredException", failure.Reason);
        Assert.Equal(100, failure.Code);
        Assert.Equal(2, server.Count(Login));
        Assert.Equal(2, server.Count(CallKw));
        Assert.Equal(3, failure.HttpRequests);
    }

    [Fact]
    public async Task A_refused_new_login_is_thrown_as_access_denied_for_the_call()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        await client.AuthenticateAsync();
        server.ExpireSessions();
        server.RefuseLogins = true;

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.CallKwAsync("res.partner", "search_count", [new JsonArray()]));

        Assert.Equal("AccessDenied", failure.Reason);
        Assert.Equal(("res.partner", "search_count", Login), (failure.Model, failure.Method, failure.Route));
        Assert.Equal(1, server.Count(CallKw));
    }

    [Fact]
    public async Task Calls_that_find_the_session_expired_together_share_one_new_login()
    {
        const int calls = 4;
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        server.OnCall = _ => JsonValue.Create(1);
        await client.AuthenticateAsync();
        server.ExpireSessions();

        // Hold every expired answer until all calls have one, so they all see the same session expire.
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.BeforeExpiredAnswer = async () =>
        {
            if (Interlocked.Increment(ref arrived) == calls)
            {
                allArrived.TrySetResult();
            }

            await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(5));
        };

        var responses = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => client.CallKwAsync("res.partner", "search_count", [new JsonArray()])));

        Assert.All(responses, r => Assert.Equal(1, r.Result.GetInt32()));
        Assert.Equal(2, server.Count(Login));
        Assert.Equal(2 * calls, server.Count(CallKw));
    }

    [Fact]
    public async Task A_save_that_already_created_its_record_is_not_sent_again()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.MajorVersion = 16;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        await client.AuthenticateAsync();
        server.OnCall = call =>
        {
            if (call.Method == "create")
            {
                server.ExpireSessions();
                return JsonValue.Create(9);
            }

            return new JsonArray();
        };

        var failure = await Assert.ThrowsAsync<OdooRpcException>(() => client.WebSaveAsync("res.partner", [], new JsonObject { ["name"] = "X" }, OdooSpecification.Of("name")));

        Assert.True(failure.IsSessionExpired);
        Assert.Equal(1, server.Count("/web/dataset/call_kw/res.partner/create"));
        Assert.Equal(1, server.Count(Login));
    }
}

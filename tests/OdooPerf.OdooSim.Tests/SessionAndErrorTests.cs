using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace OdooPerf.OdooSim.Tests;

/// <summary>Logins, sessions, Odoo-shaped errors and injected faults, against a 17.0 simulator.</summary>
public sealed class SessionAndErrorTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Authenticate_sets_the_session_cookie_and_answers_the_session_info()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);

        var info = await client.AuthenticateAsync(sim.DatabaseName);

        Assert.Equal(2, info["uid"]!.GetValue<int>());
        Assert.Equal(sim.DatabaseName, info["db"]!.GetValue<string>());
        Assert.Equal("17.0", info["server_version"]!.GetValue<string>());
        Assert.Equal(1, info["user_companies"]!["current_company"]!.GetValue<int>());
        Assert.Matches("^[0-9a-f]{40}$", client.SessionId);
        var again = OdooTestClient.Result(await client.PostAsync("/web/session/get_session_info", []));
        Assert.Equal(2, again["uid"]!.GetValue<int>());
        Assert.Equal(1, sim.Stats.SessionsAuthenticated);
    }

    [Fact]
    public async Task A_wrong_password_is_AccessDenied_with_a_login_failed_line_and_no_session()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);

        var response = await client.PostAsync("/web/session/authenticate", new JsonObject { ["db"] = sim.DatabaseName, ["login"] = "admin", ["password"] = "wrong" });

        var error = OdooTestClient.Error(response);
        Assert.Equal(200, error["code"]!.GetValue<int>());
        Assert.Equal("Odoo Server Error", error["message"]!.GetValue<string>());
        Assert.Equal("odoo.exceptions.AccessDenied", error["data"]!["name"]!.GetValue<string>());
        Assert.Equal("Access Denied", error["data"]!["message"]!.GetValue<string>());
        Assert.Null(client.SessionId);
        Assert.Equal(1, sim.Stats.FailedLogins);
        Assert.Equal(0, sim.Stats.SessionsAuthenticated);
        await sim.FlushLogAsync();
        var log = await File.ReadAllTextAsync(fixture.LogFile(sim));
        Assert.Contains($"INFO {sim.DatabaseName} odoo.addons.base.models.res_users: Login failed for db:{sim.DatabaseName} login:admin from 127.0.0.1 \n", log);
        Assert.Contains($"WARNING {sim.DatabaseName} odoo.http: Access Denied \n", log);
        Assert.DoesNotContain("wrong", log);
    }

    [Fact]
    public async Task A_model_call_without_a_session_and_after_expiry_is_SessionExpiredException()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);

        var anonymous = OdooTestClient.Error(await client.CallAsync("res.partner", "search_count", [new JsonArray()]));
        await client.AuthenticateAsync(sim.DatabaseName);
        OdooTestClient.Result(await client.CallAsync("res.partner", "search_count", [new JsonArray()]));
        Assert.Equal(1, sim.ExpireAllSessions());
        var expired = OdooTestClient.Error(await client.CallAsync("res.partner", "search_count", [new JsonArray()]));

        foreach (var error in new[] { anonymous, expired })
        {
            // Raised before the dispatcher reads the request, so Odoo answers "id": null.
            Assert.Null(error.Parent!["id"]);
            Assert.Equal(100, error["code"]!.GetValue<int>());
            Assert.Equal("Odoo Session Expired", error["message"]!.GetValue<string>());
            Assert.Equal("odoo.http.SessionExpiredException", error["data"]!["name"]!.GetValue<string>());
            Assert.Equal("Session expired", error["data"]!["message"]!.GetValue<string>());
        }

        Assert.Equal(0, sim.Stats.ActiveSessions);
    }

    [Fact]
    public async Task Unknown_models_and_methods_and_private_methods_fail_as_in_Odoo_17()
    {
        var sim = await fixture.SharedAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        var model = OdooTestClient.Error(await client.CallAsync("no.such.model", "search", [new JsonArray()]));
        var method = OdooTestClient.Error(await client.CallAsync("res.partner", "no_such_method", [new JsonArray()]));
        var @private = OdooTestClient.Error(await client.CallAsync("res.partner", "_read", [new JsonArray()]));

        Assert.Equal("builtins.KeyError", model["data"]!["name"]!.GetValue<string>());
        Assert.Equal("no.such.model", model["data"]!["message"]!.GetValue<string>());
        Assert.Equal("builtins.AttributeError", method["data"]!["name"]!.GetValue<string>());
        Assert.Equal("The method 'no_such_method' does not exist on the model 'res.partner'", method["data"]!["message"]!.GetValue<string>());
        Assert.StartsWith("Traceback (most recent call last):\n", method["data"]!["debug"]!.GetValue<string>());
        Assert.Equal("odoo.exceptions.AccessError", @private["data"]!["name"]!.GetValue<string>());
        Assert.Equal("Private methods (such as _read) cannot be called remotely.", @private["data"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_strict_fields_unknown_fields_are_the_ValueErrors_Odoo_raises()
    {
        await using var sim = await fixture.StartAsync(configure: o => o with { StrictFields = true });
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        var leaf = OdooTestClient.Error(await client.CallAsync("res.partner", "search_read", [new JsonArray(new JsonArray("no_field", "=", 1))]));
        var create = OdooTestClient.Error(await client.CallAsync("res.partner", "create", [new JsonObject { ["name"] = "x", ["no_field"] = true }]));

        Assert.Equal("builtins.ValueError", leaf["data"]!["name"]!.GetValue<string>());
        Assert.Equal("Invalid field res.partner.no_field in leaf ('no_field', '=', 1)", leaf["data"]!["message"]!.GetValue<string>());
        Assert.Equal("Invalid field 'no_field' on model 'res.partner'", create["data"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task By_default_fields_the_simulator_lacks_read_as_False_and_are_counted()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        var records = (await client.KwAsync("res.partner", "search_read", [new JsonArray(new JsonArray("name", "=", "Deco Addict"), new JsonArray("credit_limit", ">", 5))],
            new JsonObject { ["fields"] = new JsonArray("name", "credit_limit") })).AsArray();
        var created = (await client.KwAsync("res.partner", "create", [new JsonObject { ["name"] = "Lenient", ["credit_limit"] = 100 }])).GetValue<int>();

        Assert.Equal("{\"id\":5,\"name\":\"Deco Addict\",\"credit_limit\":false}", Assert.Single(records)!.ToJsonString());
        Assert.Equal("Lenient", await fixture.ScalarAsync<string>(sim, $"SELECT name FROM res_partner WHERE id = {created}"));
        Assert.Equal(3, sim.Stats.Snapshot().UnknownFields["res.partner.credit_limit"]);
    }

    [Fact]
    public async Task A_method_returning_None_answers_without_a_result_key()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        var apply = await client.CallAsync("stock.quant", "action_apply_inventory", [new JsonArray(1)]);
        var destroy = await client.PostAsync("/web/session/destroy", []);

        Assert.False(apply.ContainsKey("result"));
        Assert.False(apply.ContainsKey("error"));
        Assert.False(destroy.ContainsKey("result"));
        Assert.Equal("2.0", destroy["jsonrpc"]!.GetValue<string>());
        Assert.Equal(0, sim.Stats.ActiveSessions);
    }

    [Theory]
    [InlineData(FaultErrorKind.UserError, "odoo.exceptions.UserError")]
    [InlineData(FaultErrorKind.ServerError, "psycopg2.errors.QueryCanceled")]
    public async Task An_error_rate_of_one_answers_every_model_call_with_the_error_shape(FaultErrorKind kind, string name)
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        sim.Faults = sim.Faults with { ErrorRate = 1, ErrorKind = kind };

        for (var i = 0; i < 3; i++)
        {
            var response = await client.CallAsync("res.partner", "search_read", [new JsonArray()], new JsonObject { ["fields"] = new JsonArray("name"), ["limit"] = 1 });
            var error = OdooTestClient.Error(response);
            Assert.Equal("2.0", response["jsonrpc"]!.GetValue<string>());
            Assert.Equal(200, error["code"]!.GetValue<int>());
            Assert.Equal("Odoo Server Error", error["message"]!.GetValue<string>());
            Assert.Equal(name, error["data"]!["name"]!.GetValue<string>());
            Assert.NotNull(error["data"]!["arguments"]);
            Assert.NotNull(error["data"]!["context"]);
        }

        Assert.Equal(3, sim.Stats.InjectedErrors);
        sim.Faults = FaultSettings.None;
        OdooTestClient.Result(await client.CallAsync("res.partner", "search_count", [new JsonArray()]));
        await sim.FlushLogAsync();
        var log = await File.ReadAllTextAsync(fixture.LogFile(sim));
        Assert.Equal(kind == FaultErrorKind.ServerError ? 3 : 0, CountOf(log, "ERROR " + sim.DatabaseName + " odoo.http: Exception during request handling. \nTraceback (most recent call last):"));
    }

    [Fact]
    public async Task An_injected_500_answers_werkzeugs_error_page()
    {
        await using var sim = await fixture.StartAsync(configure: o => o with { Faults = new FaultSettings { ErrorRate = 1, ErrorKind = FaultErrorKind.HttpInternalServerError } });
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/web/dataset/call_kw/res.partner/search")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","method":"call","params":{"model":"res.partner","method":"search","args":[[]],"kwargs":{}},"id":1}""", System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<title>500 Internal Server Error</title>", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, sim.Stats.Snapshot().RequestsByStatus[500]);
    }

    [Fact]
    public async Task Health_answers_pass_and_reports_the_database_server_when_asked()
    {
        var sim = await fixture.SharedAsync();
        using var client = new OdooTestClient(sim.BaseUrl);

        using var plain = await client.GetAsync("/web/health");
        using var withDb = await client.GetAsync("/web/health?db_server_status=1");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("{\"status\": \"pass\"}", await plain.Content.ReadAsStringAsync());
        Assert.Equal("application/json", plain.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"status\": \"pass\", \"db_server_status\": true}", await withDb.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_login_page_has_a_csrf_token_and_the_web_client_needs_a_session()
    {
        var sim = await fixture.SharedAsync();
        using var client = new OdooTestClient(sim.BaseUrl);

        using var login = await client.GetAsync("/web/login");
        using var web = await client.GetAsync("/web");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Matches("<input type=\"hidden\" name=\"csrf_token\" value=\"[0-9a-f]{40}o[0-9]+\"/>", await login.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.SeeOther, web.StatusCode);
        Assert.StartsWith("/web/login?redirect=", web.Headers.Location!.OriginalString);
        await client.AuthenticateAsync(sim.DatabaseName);
        using var page = await client.GetAsync("/web");
        Assert.Contains("odoo.__session_info__ = {\"uid\":2", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_idle_session_stops_counting_as_active_and_counts_again_with_its_next_request()
    {
        await using var sim = await fixture.StartAsync(configure: o => o with { SessionIdleTimeout = TimeSpan.FromMilliseconds(300) });
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        Assert.Equal(1, sim.Stats.ActiveSessions);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (sim.Stats.ActiveSessions != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, sim.Stats.ActiveSessions);
        OdooTestClient.Result(await client.CallAsync("res.partner", "search_count", [new JsonArray()]));
        Assert.Equal(1, sim.Stats.ActiveSessions);
        Assert.Equal(1, sim.Stats.PeakActiveSessions);
        Assert.Equal(1, sim.Stats.SessionsAuthenticated);
    }

    [Fact]
    public async Task Jsonrpc_login_answers_False_for_a_wrong_password_and_execute_kw_checks_the_password_or_api_key()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);

        JsonObject Rpc(string service, string method, params JsonNode?[] args) => new() { ["service"] = service, ["method"] = method, ["args"] = new JsonArray(args) };
        var uid = OdooTestClient.Result(await client.PostAsync("/jsonrpc", Rpc("common", "login", sim.DatabaseName, "admin", "admin")));
        var refused = OdooTestClient.Result(await client.PostAsync("/jsonrpc", Rpc("common", "authenticate", sim.DatabaseName, "admin", "wrong", new JsonObject())));
        var count = OdooTestClient.Result(await client.PostAsync("/jsonrpc", Rpc("object", "execute_kw", sim.DatabaseName, 2, "admin", "res.partner", "search_count", new JsonArray(new JsonArray(new JsonArray("supplier_rank", ">", 0))))));
        var withKey = OdooTestClient.Result(await client.PostAsync("/jsonrpc", Rpc("object", "execute_kw", sim.DatabaseName, 2, SimulatorFixture.ApiKey, "res.partner", "search", new JsonArray(new JsonArray()), new JsonObject { ["limit"] = 2 })));
        var denied = OdooTestClient.Error(await client.PostAsync("/jsonrpc", Rpc("object", "execute_kw", sim.DatabaseName, 2, "wrong", "res.partner", "search", new JsonArray(new JsonArray()))));
        var unknown = OdooTestClient.Error(await client.PostAsync("/jsonrpc", Rpc("object", "execute_kw", sim.DatabaseName, 2, "admin", "no.model", "search", new JsonArray(new JsonArray()))));

        Assert.Equal(2, uid.GetValue<int>());
        Assert.False(refused.GetValue<bool>());
        Assert.Equal(4, count.GetValue<int>());
        Assert.Equal(2, withKey.AsArray().Count);
        Assert.Equal("odoo.exceptions.AccessDenied", denied["data"]!["name"]!.GetValue<string>());
        Assert.Equal("odoo.exceptions.UserError", unknown["data"]!["name"]!.GetValue<string>());
        Assert.Equal("Object no.model doesn't exist", unknown["data"]!["message"]!.GetValue<string>());
        Assert.Equal(0, sim.Stats.SessionsAuthenticated);
        Assert.Equal(2, sim.Stats.Calls("res.partner.search_count") + sim.Stats.Calls("res.partner.search"));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

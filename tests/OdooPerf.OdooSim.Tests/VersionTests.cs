using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OdooPerf.Odoo.Logs;
using Xunit;

namespace OdooPerf.OdooSim.Tests;

/// <summary>What differs between the simulated versions: version_info, Odoo 19's JSON-2 API, log path fragment and login wording.</summary>
public sealed class VersionTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Theory]
    [InlineData("16.0", 16)]
    [InlineData("18.0", 18)]
    [InlineData("19.0", 19)]
    public async Task Version_info_names_the_simulated_series(string version, int major)
    {
        await using var sim = await fixture.StartAsync(version);
        using var client = new OdooTestClient(sim.BaseUrl);

        var info = OdooTestClient.Result(await client.PostAsync("/web/webclient/version_info", []));
        var common = OdooTestClient.Result(await client.PostAsync("/jsonrpc", new JsonObject { ["service"] = "common", ["method"] = "version", ["args"] = new JsonArray() }));

        Assert.Equal(version, info["server_version"]!.GetValue<string>());
        Assert.Equal(version, info["server_serie"]!.GetValue<string>());
        Assert.Equal(new JsonArray(major, 0, 0, "final", 0, "").ToJsonString(), info["server_version_info"]!.ToJsonString());
        Assert.Equal(1, info["protocol_version"]!.GetValue<int>());
        Assert.Equal(info.ToJsonString(), common.ToJsonString());
    }

    [Fact]
    public async Task Json_2_on_19_answers_with_a_bearer_key_and_401_without()
    {
        await using var sim = await fixture.StartAsync("19.0");
        using var anonymous = new OdooTestClient(sim.BaseUrl);
        using var keyed = new OdooTestClient(sim.BaseUrl);
        keyed.Authorize(SimulatorFixture.ApiKey);
        using var wrongKey = new OdooTestClient(sim.BaseUrl);
        wrongKey.Authorize("not-the-key-at-all");
        var body = new JsonObject { ["domain"] = new JsonArray(new JsonArray("name", "=", "Deco Addict")), ["fields"] = new JsonArray("name") };

        using var ok = await Json2Async(keyed, "res.partner", "search_read", body);
        using var missing = await Json2Async(anonymous, "res.partner", "search_read", body);
        using var wrong = await Json2Async(wrongKey, "res.partner", "search_read", body);
        using var unknown = await Json2Async(keyed, "no.model", "search_read", body);
        using var badArgument = await Json2Async(keyed, "res.partner", "search_read", new JsonObject { ["nonsense"] = 1 });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var records = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal("Deco Addict", Assert.Single(records)!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("werkzeug.exceptions.Unauthorized", JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["name"]!.GetValue<string>());
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("Invalid apikey", JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badArgument.StatusCode);
    }

    [Fact]
    public async Task Json_2_does_not_exist_before_19()
    {
        await using var sim = await fixture.StartAsync("18.0");
        using var keyed = new OdooTestClient(sim.BaseUrl);
        keyed.Authorize(SimulatorFixture.ApiKey);

        using var response = await Json2Async(keyed, "res.partner", "search_read", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Odoo_19_logs_rpc_paths_with_their_model_method_and_logins_without_database()
    {
        await using var sim = await fixture.StartAsync("19.0");
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        await client.KwAsync("res.partner", "search_count", [new JsonArray()]);
        var uid = OdooTestClient.Result(await client.PostAsync("/jsonrpc", new JsonObject
        {
            ["service"] = "object", ["method"] = "execute_kw",
            ["args"] = new JsonArray(sim.DatabaseName, 2, "admin", "res.partner", "search_count", new JsonArray(new JsonArray())),
        }));

        await sim.FlushLogAsync();
        var log = await CapturedLog.ReadAsync(fixture.LogFile(sim));

        Assert.Empty(log.Unparsed);
        Assert.Equal(
            ["/web/session/authenticate", "/web/dataset/call_kw/res.partner/search_count#res.partner.search_count", "/jsonrpc#res.partner.search_count"],
            log.Requests.Select(r => r.Path));
        var login = Assert.Single(log.Entries, e => e.Kind == OdooLogEntryKind.LoginSucceeded);
        Assert.Equal("Login successful for login:admin from 127.0.0.1", login.Message);
        Assert.True(uid.GetValue<int>() > 0);
    }

    private static Task<HttpResponseMessage> Json2Async(OdooTestClient client, string model, string method, JsonObject body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/json/2/{model}/{method}") { Content = JsonContent.Create(body) });
}

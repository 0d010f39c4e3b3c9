using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace OdooPerf.OdooSim.Tests;

/// <summary>
/// A bare JSON-RPC client for the tests, keeping the session cookie like a browser. Deliberately not the
/// product's Odoo client: the simulator is checked against the wire format itself.
/// </summary>
public sealed class OdooTestClient : IDisposable
{
    private readonly HttpClient _http;
    private int _id;

    public OdooTestClient(string baseUrl)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; }

    public static readonly JsonObject Context = new() { ["lang"] = "en_US", ["tz"] = "Europe/Brussels", ["uid"] = 2, ["allowed_company_ids"] = new JsonArray(1) };

    public string? SessionId => Cookies.GetCookies(_http.BaseAddress!)["session_id"]?.Value;

    /// <summary>The whole JSON-RPC response object (with <c>result</c> or <c>error</c>).</summary>
    public async Task<JsonObject> PostAsync(string path, JsonObject parameters)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "call", ["params"] = parameters, ["id"] = Interlocked.Increment(ref _id) };
        using var response = await _http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => await _http.SendAsync(request);

    public async Task<HttpResponseMessage> GetAsync(string path) => await _http.GetAsync(path);

    public async Task<JsonObject> AuthenticateAsync(string database, string login = "admin", string password = "admin")
    {
        var response = await PostAsync("/web/session/authenticate", new JsonObject { ["db"] = database, ["login"] = login, ["password"] = password });
        return Result(response).AsObject();
    }

    /// <summary>call_kw's whole response.</summary>
    public Task<JsonObject> CallAsync(string model, string method, JsonArray args, JsonObject? kwargs = null) =>
        PostAsync($"/web/dataset/call_kw/{model}/{method}", new JsonObject { ["model"] = model, ["method"] = method, ["args"] = args, ["kwargs"] = kwargs ?? new JsonObject { ["context"] = Context.DeepClone() } });

    /// <summary>call_kw's result, failing the test on an error.</summary>
    public async Task<JsonNode> KwAsync(string model, string method, JsonArray args, JsonObject? kwargs = null) => Result(await CallAsync(model, method, args, kwargs));

    /// <summary>call_button's result (an action dict or False), as the web client's buttons send it.</summary>
    public async Task<JsonNode> ButtonAsync(string model, string method, int id, JsonObject? context = null) =>
        Result(await PostAsync("/web/dataset/call_button", new JsonObject
        {
            ["model"] = model, ["method"] = method, ["args"] = new JsonArray(new JsonArray(id)), ["kwargs"] = new JsonObject { ["context"] = (context ?? Context).DeepClone() },
        }));

    public static JsonNode Result(JsonObject response)
    {
        Assert.True(response["error"] is null, $"unexpected error: {response["error"]?["data"]?["name"]}: {response["error"]?["data"]?["message"]}");
        Assert.True(response.ContainsKey("result"), "the response has no result");
        return response["result"]!;
    }

    public static JsonObject Error(JsonObject response)
    {
        Assert.False(response.ContainsKey("result"), "expected an error, got a result");
        return response["error"]!.AsObject();
    }

    public void Authorize(string apiKey) => _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", apiKey);

    public void Dispose() => _http.Dispose();
}

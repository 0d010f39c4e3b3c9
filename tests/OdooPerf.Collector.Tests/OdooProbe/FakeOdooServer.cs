using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OdooPerf.Testing;

namespace OdooPerf.Collector.Tests.OdooProbe;

/// <summary>How the fake Odoo behaves; the test may change it between probes.</summary>
internal sealed class FakeOdoo
{
    /// <summary><c>server_version</c>, e.g. <c>17.0</c> or <c>16.0+e</c>.</summary>
    public string Version { get; set; } = "17.0";

    /// <summary><c>/web/health</c> exists (Odoo 15.0 mid-series and later).</summary>
    public bool HasHealth { get; set; } = true;

    /// <summary>Odoo cannot reach PostgreSQL: <c>/web/health?db_server_status=1</c> answers 500 fail (16+).</summary>
    public bool DatabaseDown { get; set; }

    /// <summary>A reverse proxy in front of a stopped Odoo: every request is 502.</summary>
    public bool BadGateway { get; set; }

    /// <summary>Accepts requests and never answers.</summary>
    public bool Hang { get; set; }

    /// <summary>Replaces Odoo's answer to every request (to play something that is not Odoo).</summary>
    public Func<HttpContext, Task>? Answer { get; set; }

    public static FakeOdoo Odoo17() => new();

    public static FakeOdoo Odoo16() => new() { Version = "16.0" };

    public static FakeOdoo Odoo14() => new() { Version = "14.0", HasHealth = false };
}

/// <summary>A request the fake Odoo received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, string? UserAgent, string? Authorization, string? Cookie, string? ContentType, string Body);

/// <summary>
/// A small HTTP server on a free 127.0.0.1 port that answers the probe's two routes the way Odoo's web controllers do
/// (<c>addons/web/controllers/home.py</c> health, <c>webclient.py</c> version_info over JSON-RPC), optionally under a
/// reverse proxy's sub-path. It stands in for Odoo until the simulator exists; it records what it receives.
/// </summary>
internal sealed class FakeOdooServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly string _basePath;

    private FakeOdooServer(FakeOdoo odoo, string basePath)
    {
        Odoo = odoo;
        _basePath = basePath.TrimEnd('/');
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public FakeOdoo Odoo { get; }

    public int Port { get; }

    /// <summary>Odoo's base URL, sub-path included, without a trailing slash.</summary>
    public string Url => $"http://127.0.0.1:{Port}{_basePath}";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeOdooServer> StartAsync(FakeOdoo odoo, string basePath = "")
    {
        var server = new FakeOdooServer(odoo, basePath);
        await server._app.StartAsync();
        return server;
    }

    public void ClearRequests() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        // Hung requests must not hold the test: give shutdown a short grace.
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.Value ?? string.Empty,
            request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
            request.Headers.Cookie.ToString() is { Length: > 0 } cookie ? cookie : null,
            request.ContentType,
            body));

        if (Odoo.Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        if (Odoo.BadGateway)
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>");
            return;
        }

        if (Odoo.Answer is { } answer)
        {
            await answer(context);
            return;
        }

        var path = request.Path.Value ?? string.Empty;
        if (!path.StartsWith(_basePath + "/", StringComparison.Ordinal))
        {
            await NotFoundAsync(context);
            return;
        }

        var route = path[_basePath.Length..];
        if (route == "/web/health" && request.Method == "GET" && Odoo.HasHealth)
        {
            await HealthAsync(context);
        }
        else if (route == "/web/webclient/version_info" && request.Method == "POST")
        {
            await VersionInfoAsync(context, body);
        }
        else
        {
            await NotFoundAsync(context);
        }
    }

    // home.py: {"status": "pass"}, plus db_server_status when asked; 500 fail when PostgreSQL is unreachable.
    private async Task HealthAsync(HttpContext context)
    {
        var askDatabase = context.Request.Query.ContainsKey("db_server_status");
        var health = new Dictionary<string, object> { ["status"] = "pass" };
        var status = 200;
        if (askDatabase)
        {
            health["db_server_status"] = !Odoo.DatabaseDown;
            if (Odoo.DatabaseDown)
            {
                health["status"] = "fail";
                status = 500;
            }
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(JsonSerializer.Serialize(health));
    }

    // A type='json' route: a JSON-RPC 2.0 envelope in, {"jsonrpc": "2.0", "id": N, "result": ...} out; a request that
    // is not JSON is a 400, as Odoo's dispatcher answers. Odoo also hands an anonymous visitor a session cookie.
    private async Task VersionInfoAsync(HttpContext context, string body)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("<p>Function declared as capable of handling request of type 'json' but called with a request of type 'http'</p>");
            return;
        }

        using var call = JsonDocument.Parse(body);
        var id = call.RootElement.GetProperty("id").Clone();
        var serie = Odoo.Version.Split('+')[0];
        var numbers = serie.Split('.').Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
        var response = new Dictionary<string, object>
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["result"] = new Dictionary<string, object>
            {
                ["server_version"] = Odoo.Version,
                ["server_version_info"] = new object[] { numbers.ElementAtOrDefault(0), numbers.ElementAtOrDefault(1), 0, "final", 0, Odoo.Version.EndsWith("+e", StringComparison.Ordinal) ? "e" : string.Empty },
                ["server_serie"] = serie,
                ["protocol_version"] = 1,
            },
        };

        context.Response.ContentType = "application/json";
        context.Response.Headers.SetCookie = "session_id=4c6a2b0e9e1f4d0a8b7c6d5e4f3a2b1c0d9e8f7a; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Max-Age=604800; HttpOnly; Path=/";
        await context.Response.WriteAsync(JsonSerializer.Serialize(response));
    }

    private static async Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = 404;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync("<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server.</p>\n");
    }
}

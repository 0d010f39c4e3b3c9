using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace OdooPerf.Odoo.Tests.Rpc;

/// <summary>An ORM call as the fake received it, whatever the protocol.</summary>
/// <param name="Kwargs">call_kw's kwargs; for JSON-2 the whole body (ids, context and named arguments).</param>
internal sealed record FakeCall(string Route, string Model, string Method, JsonArray Args, JsonObject Kwargs);

/// <summary>A request the fake received, and how many body bytes it answered.</summary>
internal sealed record FakeRequest(string Path, string? Cookie, string? Authorization, string? Database, string? ContentType, string Body, long ResponseBytes);

/// <summary>Makes the fake answer a call with an Odoo error (a raised Python exception).</summary>
internal sealed class FakeOdooError(string name, string message, int json2Status = 422) : Exception(message)
{
    public string Name { get; } = name;

    public int Json2Status { get; } = json2Status;
}

/// <summary>
/// A small Odoo on 127.0.0.1 answering the client's routes with Odoo's wire shapes, taken from Odoo's source:
/// <list type="bullet">
/// <item>JSON-RPC envelope (<c>odoo/http.py</c>, <c>JsonRPCDispatcher._response</c>): <c>{"jsonrpc", "id", "result"}</c>,
/// with no <c>result</c> key when the method returned None; errors (<c>JsonRPCDispatcher.handle_error</c>) are HTTP 200
/// with <c>{"code": 0, "message": "Odoo Server Error", "data": serialize_exception(exc)}</c>, code 100 and
/// "Odoo Session Expired" for <c>odoo.http.SessionExpiredException</c>.</item>
/// <item><c>serialize_exception</c> (<c>odoo/http.py</c>): <c>{name: "module.Class", debug: traceback, message, arguments, context}</c>.</item>
/// <item><c>/web/session/authenticate</c> (<c>addons/web/controllers/session.py</c>): sets the <c>session_id</c> cookie
/// (httponly) and answers <c>ir.http.session_info()</c>; <c>{"uid": null}</c> when a second factor is due.</item>
/// <item><c>/web/dataset/call_kw[/path]</c>, <c>/web/dataset/call_button[/path]</c> (<c>addons/web/controllers/dataset.py</c>),
/// <c>auth="user"</c>: a missing or unknown session raises SessionExpiredException.</item>
/// <item><c>/jsonrpc</c>: <c>common.login</c> answers the uid or <c>false</c> (<c>odoo/service/common.py</c> <c>exp_login</c>);
/// <c>object.execute_kw(db, uid, password, model, method, args, kwargs)</c> (<c>odoo/service/model.py</c>).</item>
/// <item>JSON-2 (<c>addons/web/controllers/json2.py</c>, <c>odoo/http.py</c> <c>Json2Dispatcher.handle_error</c>): the result
/// as the body; errors with their HTTP status and <c>serialize_exception</c> as the body; a bad key is
/// <c>werkzeug.exceptions.Unauthorized</c> "Invalid apikey", 401 (<c>ir_http._auth_method_bearer</c>).</item>
/// </list>
/// Independent of the project's full simulator (tests/OdooPerf.OdooSim) on purpose: small, and local to these tests.
/// </summary>
internal sealed class FakeOdooRpcServer : IAsyncDisposable
{
    public const string Database = "perf";
    public const string Login = "admin";
    public const string Password = "Pw-7f3c9e1d-Sekret";
    public const string ApiKey = "4f1c0a9e2b7d4c6e8a0b1c2d3e4f5a6b7c8d9e0f";
    public const long Uid = 2;

    /// <summary>Returned by <see cref="OnCall"/> for a method that returns None.</summary>
    public static readonly object NoResult = new();

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly ConcurrentDictionary<string, bool> _sessions = new();

    private FakeOdooRpcServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Port 0: the kernel picks a free port as Kestrel binds, so no other test can take it in between.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The major version in session info and version_info (<c>[17, 0, 0, "final", 0, ""]</c>).</summary>
    public int MajorVersion { get; set; } = 17;

    /// <summary>Answers ORM calls: a JSON node, <see cref="NoResult"/>, or throws <see cref="FakeOdooError"/>. Default: <c>true</c>.</summary>
    public Func<FakeCall, object?> OnCall { get; set; } = _ => JsonValue.Create(true);

    /// <summary>Answers a request instead of Odoo (a proxy error page, a huge body); returns false to let Odoo answer.</summary>
    public Func<HttpContext, Task<bool>>? Intercept { get; set; }

    /// <summary>Sessions expire as soon as they are made: every authenticated call fails with SessionExpiredException.</summary>
    public bool ExpireEverySession { get; set; }

    /// <summary>Awaited before each session-expired answer (to hold several expired calls together).</summary>
    public Func<Task>? BeforeExpiredAnswer { get; set; }

    /// <summary>The login succeeds but a second factor is due: authenticate answers <c>{"uid": null}</c>.</summary>
    public bool RequiresSecondFactor { get; set; }

    /// <summary>Every login is refused with AccessDenied (a password changed meanwhile).</summary>
    public bool RefuseLogins { get; set; }

    /// <summary>Error messages and tracebacks quote what they are given, the password included (to prove the client masks it).</summary>
    public bool QuoteSecretsInErrors { get; set; }

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public static async Task<FakeOdooRpcServer> StartAsync()
    {
        var server = new FakeOdooRpcServer();
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Urls.Single() + "/");
        return server;
    }

    /// <summary>Odoo forgets every session (server restart with another session store, logout elsewhere...).</summary>
    public void ExpireSessions() => _sessions.Clear();

    public int Count(string pathPrefix) => Requests.Count(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public HttpClient NewUserClient() =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(10),
        };

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = request.Path.Value ?? "";

        // The answer is made in memory and the request recorded before it goes out, so a test that has its answer
        // also sees the request recorded.
        var wire = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await AnswerAsync(context, path, body);
        }
        finally
        {
            context.Response.Body = wire;
        }

        _requests.Enqueue(new FakeRequest(
            path,
            request.Headers.Cookie.ToString() is { Length: > 0 } cookie ? cookie : null,
            request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
            request.Headers["X-Odoo-Database"].ToString() is { Length: > 0 } database ? database : null,
            request.ContentType,
            body,
            answer.Length));
        context.Response.ContentLength = answer.Length;
        answer.Position = 0;
        await answer.CopyToAsync(wire, context.RequestAborted);
    }

    private async Task AnswerAsync(HttpContext context, string path, string body)
    {
        if (Intercept is { } intercept && await intercept(context))
        {
            return;
        }

        if (path.StartsWith("/json/2/", StringComparison.Ordinal))
        {
            await Json2Async(context, path, body);
            return;
        }

        var envelope = JsonNode.Parse(body)!.AsObject();
        var id = envelope["id"]?.DeepClone();
        var parameters = envelope["params"]!.AsObject();
        try
        {
            var result = path switch
            {
                "/web/session/authenticate" => Authenticate(context, parameters),
                "/web/webclient/version_info" => VersionInfo(),
                "/jsonrpc" => ExternalApi(parameters),
                _ when path.StartsWith("/web/dataset/call_kw", StringComparison.Ordinal)
                    || path.StartsWith("/web/dataset/call_button", StringComparison.Ordinal)
                    || path == "/web/action/load" => await WebCallAsync(context, path, parameters),
                _ => throw new FakeOdooError("werkzeug.exceptions.NotFound", "404: Not Found"),
            };
            var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id };
            if (result != NoResult)
            {
                response["result"] = (JsonNode?)result;
            }

            await WriteJsonAsync(context, 200, response);
        }
        catch (FakeOdooError error)
        {
            var expired = error.Name == "odoo.http.SessionExpiredException";
            await WriteJsonAsync(context, 200, new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = id,
                ["error"] = new JsonObject
                {
                    ["code"] = expired ? 100 : 0,
                    ["message"] = expired ? "Odoo Session Expired" : "Odoo Server Error",
                    ["data"] = SerializeException(error, body),
                },
            });
        }
    }

    private object? Authenticate(HttpContext context, JsonObject parameters)
    {
        if (RefuseLogins || (string?)parameters["db"] != Database || (string?)parameters["login"] != Login || (string?)parameters["password"] != Password)
        {
            throw new FakeOdooError("odoo.exceptions.AccessDenied", "Access Denied");
        }

        if (RequiresSecondFactor)
        {
            return new JsonObject { ["uid"] = null };
        }

        var sid = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        if (!ExpireEverySession)
        {
            _sessions[sid] = true;
        }

        context.Response.Cookies.Append("session_id", sid, new CookieOptions { HttpOnly = true, Path = "/", MaxAge = TimeSpan.FromDays(7) });
        return new JsonObject
        {
            ["uid"] = Uid,
            ["is_system"] = true,
            ["is_admin"] = true,
            ["user_context"] = new JsonObject { ["lang"] = "en_US", ["tz"] = "Europe/Brussels", ["uid"] = Uid },
            ["db"] = Database,
            ["server_version"] = $"{MajorVersion}.0",
            ["server_version_info"] = VersionInfoArray(),
            ["name"] = "Mitchell Admin",
            ["username"] = Login,
            ["partner_id"] = 3,
        };
    }

    // odoo.service.common.exp_version(), which /web/webclient/version_info returns.
    private JsonObject VersionInfo() => new()
    {
        ["server_version"] = $"{MajorVersion}.0",
        ["server_version_info"] = VersionInfoArray(),
        ["server_serie"] = $"{MajorVersion}.0",
        ["protocol_version"] = 1,
    };

    private JsonArray VersionInfoArray() => [MajorVersion, 0, 0, "final", 0, ""];

    private object? ExternalApi(JsonObject parameters)
    {
        var service = (string?)parameters["service"];
        var method = (string?)parameters["method"];
        var args = parameters["args"]!.AsArray();
        if (service == "common" && method == "login")
        {
            var ok = (string?)args[0] == Database && (string?)args[1] == Login && (string?)args[2] is Password or ApiKey;
            return ok ? JsonValue.Create(Uid) : JsonValue.Create(false);
        }

        if (service == "object" && method == "execute_kw")
        {
            if ((string?)args[0] != Database || (long?)args[1] != Uid || (string?)args[2] is not (Password or ApiKey))
            {
                throw new FakeOdooError("odoo.exceptions.AccessDenied", "Access Denied");
            }

            return OnCall(new FakeCall("/jsonrpc", (string)args[3]!, (string)args[4]!, args[5]!.AsArray(), args.Count > 6 ? args[6]!.AsObject() : []));
        }

        throw new FakeOdooError("builtins.NameError", $"service {service}.{method} unknown");
    }

    private async Task<object?> WebCallAsync(HttpContext context, string path, JsonObject parameters)
    {
        // auth="user": ir.http._authenticate raises SessionExpiredException without a live session.
        if (!context.Request.Cookies.TryGetValue("session_id", out var sid) || !_sessions.ContainsKey(sid))
        {
            if (BeforeExpiredAnswer is { } wait)
            {
                await wait();
            }

            throw new FakeOdooError("odoo.http.SessionExpiredException", "Session expired");
        }

        if (path == "/web/action/load")
        {
            return OnCall(new FakeCall(path, "ir.actions.actions", "load", [], parameters));
        }

        return OnCall(new FakeCall(path, (string)parameters["model"]!, (string)parameters["method"]!, parameters["args"]!.AsArray(), parameters["kwargs"]!.AsObject()));
    }

    private async Task Json2Async(HttpContext context, string path, string body)
    {
        var parts = path.Split('/');
        try
        {
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
            {
                throw new FakeOdooError("werkzeug.exceptions.Unauthorized", "Invalid apikey", 401);
            }

            var call = new FakeCall(path, parts[3], parts[4], [], body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject());
            var result = call.Method == "context_get" && call.Model == "res.users"
                ? new JsonObject { ["lang"] = "en_US", ["tz"] = "Europe/Brussels", ["uid"] = Uid }
                : OnCall(call);
            await WriteJsonAsync(context, 200, result == NoResult ? null : (JsonNode?)result);
        }
        catch (FakeOdooError error)
        {
            await WriteJsonAsync(context, error.Json2Status, SerializeException(error, body));
        }
    }

    private JsonObject SerializeException(FakeOdooError error, string requestBody)
    {
        var message = QuoteSecretsInErrors ? $"{error.Message} (request was {requestBody})" : error.Message;
        return new JsonObject
        {
            ["name"] = error.Name,
            ["debug"] = $"Traceback (most recent call last):\n  File \"/opt/odoo/odoo/http.py\", line 1955, in _serve_db\n    return service_model.retrying(self._serve_ir_http, self.env)\n{error.Name}: {message}\n",
            ["message"] = message,
            ["arguments"] = new JsonArray(message),
            ["context"] = new JsonObject(),
        };
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonNode? body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using OdooPerf.OdooSim.Data;
using OdooPerf.OdooSim.Logging;
using OdooPerf.OdooSim.Orm;
using OdooPerf.OdooSim.Sessions;

namespace OdooPerf.OdooSim.Http;

/// <summary>
/// The request pipeline: routes a request, runs it (each database-backed request in one transaction,
/// retried on serialization failures like Odoo's <c>retrying</c>), logs exceptions the way
/// <c>odoo.http.Application.__call__</c> does, counts, writes the werkzeug line, answers.
/// </summary>
internal sealed partial class SimServer
{
    private const int MaxTries = 5;

    private readonly OdooSimulatorOptions _options;
    private readonly SimDatabase _db;
    private readonly Registry _registry;
    private readonly OrmService _orm;
    private readonly MethodTable _methods;
    private readonly SessionStore _sessions;
    private readonly SimulatorStats _stats;
    private readonly OdooLogWriter _log;
    private readonly FaultState _faults;
    private readonly long _startedTimestamp = Stopwatch.GetTimestamp();

    public SimServer(OdooSimulatorOptions options, SimDatabase db, Registry registry, OrmService orm, MethodTable methods, SessionStore sessions,
        SimulatorStats stats, OdooLogWriter log, FaultState faults, string databaseName)
    {
        _options = options;
        _db = db;
        _registry = registry;
        _orm = orm;
        _methods = methods;
        _sessions = sessions;
        _stats = stats;
        _log = log;
        _faults = faults;
        DatabaseName = databaseName;
        Version = OdooVersion.Parse(options.Version);
        Runtime = new SimRuntime
        {
            Version = Version,
            StockSmsWizard = options.StockSmsWizard,
            StrictFields = options.StrictFields,
            UnknownField = stats.UnknownFieldIgnored,
            LogWarning = (logger, message) => log.Warning(databaseName, logger, message),
        };
    }

    public string DatabaseName { get; }

    public OdooVersion Version { get; }

    public SimRuntime Runtime { get; }

    /// <summary>Company of every simulated user (the seed has one).</summary>
    public int CompanyId { get; init; } = 1;

    public async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (path.StartsWith("/__sim/", StringComparison.Ordinal))
        {
            await WriteAsync(http, ControlRoute(http, path)).ConfigureAwait(false);
            return;
        }

        _stats.RequestStarted();
        var session = _sessions.BeginRequest(http.Request.Cookies["session_id"]);
        try
        {
            var scope = new RequestScope(http, session, session?.Database ?? (_options.MultiDatabase ? "?" : DatabaseName));
            HttpAnswer answer;
            try
            {
                answer = await RouteAsync(scope).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failure outside any route's own handling: Odoo's generic 500.
                var error = Translate(e);
                _log.Error(scope.LogDatabase, "odoo.http", "Exception during request handling.", PythonTraceback.For(error));
                answer = HttpAnswer.InternalServerError();
            }

            var elapsed = Stopwatch.GetElapsedTime(scope.Started).TotalSeconds;
            var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? path;
            _stats.RequestAnswered(path, answer.Status);
            _log.Request(scope.LogDatabase, scope.Address, $"{http.Request.Method} {target}{(scope.LogFragment is null ? string.Empty : "#" + scope.LogFragment)} {http.Request.Protocol}",
                answer.Status, scope.Sql.Queries, scope.Sql.Seconds, elapsed - scope.Sql.Seconds);
            await WriteAsync(http, answer).ConfigureAwait(false);
        }
        finally
        {
            if (session is not null)
            {
                _sessions.EndRequest(session);
            }

            _stats.RequestFinished();
        }
    }

    private async Task<HttpAnswer> RouteAsync(RequestScope scope)
    {
        var path = scope.Path;
        var method = scope.Http.Request.Method;
        switch (path)
        {
            case "/web/session/authenticate":
                return await JsonRouteAsync(scope, requireUser: false, AuthenticateAsync).ConfigureAwait(false);
            case "/web/session/get_session_info":
                return await JsonRouteAsync(scope, requireUser: true, (s, _) => TouchSessionInfoAsync(s)).ConfigureAwait(false);
            case "/web/session/destroy":
                return await JsonRouteAsync(scope, requireUser: true, DestroyAsync).ConfigureAwait(false);
            case "/web/session/check":
                return await JsonRouteAsync(scope, requireUser: true, (_, _) => Task.FromResult<JsonNode?>(null)).ConfigureAwait(false);
            case "/web/webclient/version_info":
                return await JsonRouteAsync(scope, requireUser: false, (_, _) => Task.FromResult<JsonNode?>(Version.VersionInfo())).ConfigureAwait(false);
            case "/web/action/load":
                return await JsonRouteAsync(scope, requireUser: true, LoadActionAsync).ConfigureAwait(false);
            case "/jsonrpc":
                return await JsonRouteAsync(scope, requireUser: false, RpcServiceAsync).ConfigureAwait(false);
            case "/web/health":
                return await HealthAsync(scope).ConfigureAwait(false);
            case "/web/login":
                return method == HttpMethods.Post ? await LoginFormAsync(scope).ConfigureAwait(false) : LoginPage();
            case "/web" or "/web/" or "/odoo" or "/odoo/":
                return await WebClientPageAsync(scope).ConfigureAwait(false);
        }

        if (IsRoute(path, "/web/dataset/call_kw"))
        {
            return await JsonRouteAsync(scope, requireUser: true, (s, p) => CallKwAsync(s, p, button: false)).ConfigureAwait(false);
        }

        if (IsRoute(path, "/web/dataset/call_button"))
        {
            return await JsonRouteAsync(scope, requireUser: true, (s, p) => CallKwAsync(s, p, button: true)).ConfigureAwait(false);
        }

        if (path.StartsWith("/web/webclient/load_menus", StringComparison.Ordinal))
        {
            return await LoadMenusAsync(scope).ConfigureAwait(false);
        }

        if (Version.HasJson2 && (path == "/json/2" || path.StartsWith("/json/2/", StringComparison.Ordinal)))
        {
            return await Json2Async(scope).ConfigureAwait(false);
        }

        return HttpAnswer.NotFound();
    }

    private static bool IsRoute(string path, string route) => path == route || path.StartsWith(route + "/", StringComparison.Ordinal);

    /// <summary>A <c>type='json'</c> route: JSON-RPC in and out, auth='user' answering SessionExpiredException without a session.</summary>
    private async Task<HttpAnswer> JsonRouteAsync(RequestScope scope, bool requireUser, Func<RequestScope, JsonObject, Task<JsonNode?>> handler)
    {
        var request = scope.Http.Request;
        if (request.ContentType is null || !(request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            return HttpAnswer.BadRequest($"Request inferred type is compatible with ['http'] but {scope.Path} is type=json");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        var call = JsonRpc.Parse(buffer.ToArray());
        if (call is null)
        {
            return HttpAnswer.WerkzeugError(400, "Bad Request", "Invalid JSON data");
        }

        try
        {
            if (requireUser && scope.Session is null)
            {
                throw OdooException.SessionExpired();
            }

            var result = await handler(scope, call.Params).ConfigureAwait(false);
            var answer = HttpAnswer.Json(JsonRpc.Result(call.Id, result));
            answer.SessionCookie = scope.NewSessionId;
            return answer;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = Translate(e);
            LogException(scope, error);
            _stats.ErrorAnswered(e is InjectedFault);
            if (e is InjectedFault { Kind: FaultErrorKind.HttpInternalServerError })
            {
                return HttpAnswer.InternalServerError();
            }

            // auth='user' fails before the dispatcher has read the request: Odoo answers with "id": null then.
            return HttpAnswer.Json(JsonRpc.Error(error.IsSessionExpired ? null : call.Id, error));
        }
    }

    /// <summary>How <c>odoo.http.Application.__call__</c> logs an exception before answering it.</summary>
    private void LogException(RequestScope scope, OdooException error)
    {
        if (error.IsHttpException)
        {
            return;
        }

        if (error.IsSessionExpired)
        {
            _log.Info(scope.LogDatabase, "odoo.http", error.Message);
        }
        else if (error.IsUserError)
        {
            _log.Warning(scope.LogDatabase, "odoo.http", error.Message);
        }
        else
        {
            _log.Error(scope.LogDatabase, "odoo.http", "Exception during request handling.", PythonTraceback.For(error));
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, retried on serialization failures and deadlocks like Odoo's <c>retrying</c>.</summary>
    private async Task<JsonNode?> WithEnvAsync(RequestScope scope, int uid, JsonObject? context, Func<Env, Task<JsonNode?>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var cursor = await _db.OpenCursorAsync(scope.Sql, CancellationToken.None).ConfigureAwait(false);
                var env = new Env
                {
                    Cr = cursor, Registry = _registry, Orm = _orm, Runtime = Runtime, Uid = uid, CompanyId = CompanyId,
                    Context = context ?? UserContext(uid),
                };
                var result = await work(env).ConfigureAwait(false);
                await cursor.CommitAsync().ConfigureAwait(false);
                return result;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable)
            {
                var name = e.SqlState switch { PostgresErrorCodes.SerializationFailure => "SERIALIZATION_FAILURE", PostgresErrorCodes.DeadlockDetected => "DEADLOCK_DETECTED", _ => "LOCK_NOT_AVAILABLE" };
                var left = MaxTries - attempt;
                if (left == 0)
                {
                    _log.Info(scope.LogDatabase, "odoo.service.model", $"{name}, maximum number of tries reached!");
                    throw;
                }

                // Odoo waits uniform(0, 2 ** try) seconds; a tenth of that keeps load tests short.
                var wait = Random.Shared.NextDouble() * Math.Pow(2, attempt) / 10;
                _log.Info(scope.LogDatabase, "odoo.service.model", string.Create(CultureInfo.InvariantCulture, $"{name}, {left} tries left, try again in {wait:F4} sec..."));
                await Task.Delay(TimeSpan.FromSeconds(wait)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The context of a user's requests (the session context Odoo keeps).</summary>
    private JsonObject UserContext(int uid) => new()
    {
        ["lang"] = "en_US",
        ["tz"] = "Europe/Brussels",
        ["uid"] = uid,
        ["allowed_company_ids"] = new JsonArray(CompanyId),
    };

    /// <summary>Any exception as the Python exception Odoo would have answered.</summary>
    private static OdooException Translate(Exception e) => e switch
    {
        OdooException odoo => odoo,
        InjectedFault fault => fault.Error,
        PostgresException { SqlState: PostgresErrorCodes.NotNullViolation or PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation } pg =>
            OdooException.ValidationError(
                "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n" +
                $"Model: {pg.TableName}\nConstraint: {pg.ConstraintName}\n"),
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure } pg => OdooException.ServerError("psycopg2.errors.SerializationFailure", pg.MessageText),
        PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected } pg => OdooException.ServerError("psycopg2.errors.DeadlockDetected", pg.MessageText),
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } pg => OdooException.ServerError("psycopg2.errors.QueryCanceled", pg.MessageText),
        PostgresException pg => OdooException.ServerError("psycopg2.DatabaseError", pg.MessageText),
        NpgsqlException npgsql => OdooException.ServerError("psycopg2.OperationalError", npgsql.Message),
        FormatException or InvalidCastException or OverflowException => OdooException.ValueError(e.Message),
        _ => OdooException.ServerError("builtins.RuntimeError", e.Message),
    };

    private static async Task WriteAsync(HttpContext http, HttpAnswer answer)
    {
        var response = http.Response;
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        response.ContentLength = answer.Body.Length;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.Append(name, value);
        }

        if (answer.SessionCookie is not null)
        {
            response.Cookies.Append("session_id", answer.SessionCookie, new CookieOptions
            {
                HttpOnly = true,
                Path = "/",
                MaxAge = TimeSpan.FromDays(7),
                Expires = DateTimeOffset.UtcNow.AddDays(7),
                SameSite = SameSiteMode.Unspecified,
            });
        }

        try
        {
            await response.Body.WriteAsync(answer.Body).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The client went away; the request is logged and counted all the same, as werkzeug does.
        }
    }
}

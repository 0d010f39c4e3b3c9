using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Http;

/// <summary>The http routes: <c>/web/health</c>, <c>/web/login</c>, the web client page, <c>load_menus</c>, and the simulator's own <c>/__sim/*</c>.</summary>
internal sealed partial class SimServer
{
    /// <summary><c>/web/health</c>: <c>{"status": "pass"}</c>; with <c>db_server_status</c>, 500 and "fail" when PostgreSQL cannot be reached.</summary>
    private async Task<HttpAnswer> HealthAsync(RequestScope scope)
    {
        var check = scope.Http.Request.Query["db_server_status"].ToString();
        HttpAnswer answer;
        if (check.Length > 0 && check is not ("0" or "false" or "False"))
        {
            var up = await _db.ServerReachableAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            answer = up
                ? HttpAnswer.RawJson("{\"status\": \"pass\", \"db_server_status\": true}")
                : HttpAnswer.RawJson("{\"status\": \"fail\", \"db_server_status\": false}", 500);
        }
        else
        {
            answer = HttpAnswer.RawJson("{\"status\": \"pass\"}");
        }

        answer.Headers.Add(new("Cache-Control", "no-store"));
        return answer;
    }

    private static HttpAnswer LoginPage(string? error = null)
    {
        // Odoo's token: an HMAC and its expiry, "<hex>o<timestamp>".
        var token = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20))}o{DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeSeconds()}";
        var alert = error is null ? string.Empty : $"<p class=\"alert alert-danger\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        return HttpAnswer.Html($"""
            <!DOCTYPE html>
            <html lang="en-US">
            <head><meta charset="utf-8"/><title>Odoo</title></head>
            <body class="bg-100">
            <form class="oe_login_form" role="form" method="post" action="/web/login">
            <input type="hidden" name="csrf_token" value="{token}"/>
            <div class="mb-3 field-login"><label for="login" class="form-label">Email</label><input type="text" name="login" id="login" required="required" autofocus="autofocus" autocapitalize="off" class="form-control"/></div>
            <div class="mb-3"><label for="password" class="form-label">Password</label><input type="password" name="password" id="password" required="required" class="form-control"/></div>
            {alert}
            <input type="hidden" name="redirect" value=""/>
            <div class="clearfix oe_login_buttons text-center gap-1 d-grid mb-1 pt-3"><button type="submit" class="btn btn-primary">Log in</button></div>
            </form>
            </body>
            </html>
            """);
    }

    /// <summary>The login form's POST: a session and a redirect to the web client, or the form again with "Wrong login/password".</summary>
    private async Task<HttpAnswer> LoginFormAsync(RequestScope scope)
    {
        if (!scope.Http.Request.HasFormContentType)
        {
            return LoginPage();
        }

        var form = await scope.Http.Request.ReadFormAsync().ConfigureAwait(false);
        scope.LogDatabase = DatabaseName;
        try
        {
            var login = form["login"].ToString();
            var uid = await LoginAsync(scope, login, form["password"].ToString()).ConfigureAwait(false);
            var session = _sessions.Create(uid, login, DatabaseName, replaces: scope.Session?.Id);
            var redirect = form["redirect"].ToString();
            var answer = HttpAnswer.Redirect(redirect.StartsWith('/') ? redirect : Version.WebClientPath);
            answer.SessionCookie = session.Id;
            return answer;
        }
        catch (OdooException e) when (e.ExceptionName == "odoo.exceptions.AccessDenied")
        {
            return LoginPage("Wrong login/password");
        }
    }

    /// <summary>The web client's page with its session info, or the login page for a visitor.</summary>
    private async Task<HttpAnswer> WebClientPageAsync(RequestScope scope)
    {
        if (scope.Session is null)
        {
            var redirect = scope.Path + scope.Http.Request.QueryString;
            return HttpAnswer.Redirect($"/web/login?redirect={Uri.EscapeDataString(redirect)}");
        }

        var info = await SessionInfoAsync(scope, scope.Session.Uid).ConfigureAwait(false);
        return HttpAnswer.Html($"""
            <!DOCTYPE html>
            <html lang="en-US">
            <head><meta charset="utf-8"/><title>Odoo</title>
            <script type="text/javascript">odoo.__session_info__ = {info!.ToJsonString()};</script>
            </head>
            <body class="o_web_client"></body>
            </html>
            """);
    }

    /// <summary><c>GET /web/webclient/load_menus/&lt;unique&gt;</c>: the menu tree keyed by id, as the web client loads it.</summary>
    private async Task<HttpAnswer> LoadMenusAsync(RequestScope scope)
    {
        if (scope.Session is null)
        {
            _log.Info(scope.LogDatabase, "odoo.http", "Session expired");
            return HttpAnswer.Redirect($"/web/login?redirect={Uri.EscapeDataString(scope.Path)}");
        }

        var menus = await WithEnvAsync(scope, scope.Session.Uid, null, async env =>
        {
            var rows = await env.Cr.QueryAsync("SELECT id, \"name\", \"parent_id\", \"action\", \"web_icon\", \"xml_id\" FROM \"ir_ui_menu\" WHERE \"active\" ORDER BY \"sequence\", id").ConfigureAwait(false);
            var byId = rows.ToDictionary(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture));
            int AppOf(int id) => byId[id][2] is null ? id : AppOf(Convert.ToInt32(byId[id][2], CultureInfo.InvariantCulture));
            var result = new JsonObject();
            var roots = rows.Where(r => r[2] is null).Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ToArray();
            result["root"] = new JsonObject
            {
                ["id"] = "root", ["name"] = "root", ["children"] = Values.IdArray(roots), ["appID"] = false, ["xmlid"] = string.Empty,
                ["actionID"] = false, ["actionModel"] = false, ["webIcon"] = null, ["webIconData"] = null, ["webIconDataMimetype"] = null, ["backgroundImage"] = null,
            };
            foreach (var row in rows)
            {
                var id = Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
                var action = (string?)row[3];
                var children = rows.Where(r => r[2] is not null && Convert.ToInt32(r[2], CultureInfo.InvariantCulture) == id).Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture));
                result[id.ToString(CultureInfo.InvariantCulture)] = new JsonObject
                {
                    ["id"] = id,
                    ["name"] = (string?)row[1],
                    ["children"] = Values.IdArray(children),
                    ["appID"] = AppOf(id),
                    ["xmlid"] = (string?)row[5] ?? string.Empty,
                    ["actionID"] = action is null ? false : int.Parse(action.Split(',')[1], CultureInfo.InvariantCulture),
                    ["actionModel"] = action is null ? false : action.Split(',')[0],
                    ["webIcon"] = row[4] is string icon ? icon : false,
                    ["webIconData"] = false,
                    ["webIconDataMimetype"] = false,
                    ["backgroundImage"] = false,
                };
            }

            return result;
        }).ConfigureAwait(false);
        return HttpAnswer.Json(menus);
    }

    /// <summary><c>/__sim/stats</c> (GET) and <c>/__sim/expire_sessions</c> (POST): not Odoo, not logged, not counted.</summary>
    private HttpAnswer ControlRoute(HttpContext http, string path)
    {
        switch (path)
        {
            case "/__sim/stats":
                return HttpAnswer.Json(JsonSerializer.SerializeToNode(_stats.Snapshot(), StatsJson.Options));
            case "/__sim/expire_sessions" when http.Request.Method == HttpMethods.Post:
                return HttpAnswer.Json(new JsonObject { ["expired"] = _sessions.ExpireAll() });
            default:
                return HttpAnswer.NotFound();
        }
    }

    private static class StatsJson
    {
        public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Data;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Http;

/// <summary>Logins and sessions: <c>/web/session/*</c>, and the password/API key checks the RPC routes share.</summary>
internal sealed partial class SimServer
{
    // Verified (uid, secret hash) pairs, like Odoo's credential cache: PBKDF2 runs once per password.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _verified = new(StringComparer.Ordinal);

    /// <summary><c>/web/session/authenticate(db, login, password, base_location=None)</c>.</summary>
    private async Task<JsonNode?> AuthenticateAsync(RequestScope scope, JsonObject parameters)
    {
        var a = new MethodArgs("Session.authenticate", [], parameters).Bind("db!", "login!", "password!", "base_location");
        var db = a.String("db") ?? string.Empty;
        var login = a.String("login") ?? string.Empty;
        if (db != DatabaseName)
        {
            throw OdooException.AccessError("Database not found.");
        }

        scope.LogDatabase = db;
        var uid = await LoginAsync(scope, login, a.String("password") ?? string.Empty).ConfigureAwait(false);
        var session = _sessions.Create(uid, login, db, replaces: scope.Session?.Id);
        scope.NewSessionId = session.Id;
        return await SessionInfoAsync(scope, uid).ConfigureAwait(false);
    }

    /// <summary>res.users._login: checks the password, logs the outcome like Odoo, records the login date; the user id or AccessDenied.</summary>
    private async Task<int> LoginAsync(RequestScope scope, string login, string password)
    {
        var uid = (int?)await WithEnvAsync(scope, 1, null, async env =>
        {
            var rows = await env.Cr.QueryAsync("SELECT id, \"password\" FROM \"res_users\" WHERE \"login\" = $1 AND \"active\" ORDER BY id LIMIT 1", login).ConfigureAwait(false);
            if (rows.Count == 0 || password.Length == 0 || !CheckSecret(Convert.ToInt32(rows[0][0], CultureInfo.InvariantCulture), password, (string?)rows[0][1]))
            {
                return null;
            }

            var id = Convert.ToInt32(rows[0][0], CultureInfo.InvariantCulture);
            await env.Cr.ExecuteAsync("UPDATE \"res_users\" SET \"login_date\" = $2 WHERE id = $1", id, env.Now).ConfigureAwait(false);
            await env.Cr.ExecuteAsync("INSERT INTO \"res_users_log\" (\"create_uid\", \"create_date\", \"write_uid\", \"write_date\") VALUES ($1, $2, $1, $2)", id, env.Now).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);

        var where = Version.LoginLineHasDatabase ? $"db:{DatabaseName} login:{login}" : $"login:{login}";
        if (uid is null)
        {
            _stats.LoginFailed();
            _log.Info(scope.LogDatabase, "odoo.addons.base.models.res_users", $"Login failed for {where} from {scope.Address}");
            throw OdooException.AccessDenied();
        }

        _log.Info(scope.LogDatabase, "odoo.addons.base.models.res_users", $"Login successful for {where} from {scope.Address}");
        return uid.Value;
    }

    private bool CheckSecret(int uid, string secret, string? stored)
    {
        var key = $"{uid}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))}";
        if (_verified.ContainsKey(key))
        {
            return true;
        }

        if (!PasswordHash.Verify(secret, stored))
        {
            return false;
        }

        _verified[key] = uid;
        return true;
    }

    /// <summary>security.check for /jsonrpc object calls: the password or an API key of the user.</summary>
    private async Task CheckCredentialsAsync(RequestScope scope, int uid, string secret)
    {
        var ok = await WithEnvAsync(scope, uid, null, async env =>
        {
            var password = (string?)await env.Cr.ScalarAsync("SELECT \"password\" FROM \"res_users\" WHERE id = $1 AND \"active\"", uid).ConfigureAwait(false);
            if (password is not null && CheckSecret(uid, secret, password))
            {
                return true;
            }

            return await ApiKeyUserAsync(env, secret).ConfigureAwait(false) == uid;
        }).ConfigureAwait(false);
        if (!Values.IsTruthy(ok))
        {
            throw OdooException.AccessDenied();
        }
    }

    /// <summary>res.users.apikeys._check_credentials: the user of an API key, or 0.</summary>
    private async Task<int> ApiKeyUserAsync(Env env, string key)
    {
        if (key.Length < 8)
        {
            return 0;
        }

        foreach (var row in await env.Cr.QueryAsync("SELECT \"user_id\", \"key\" FROM \"res_users_apikeys\" WHERE \"index\" = $1", key[..8]).ConfigureAwait(false))
        {
            var uid = Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
            if (CheckSecret(uid, key, (string?)row[1]))
            {
                return uid;
            }
        }

        return 0;
    }

    private async Task<JsonNode?> TouchSessionInfoAsync(RequestScope scope) => await SessionInfoAsync(scope, scope.Session!.Uid).ConfigureAwait(false);

    private Task<JsonNode?> DestroyAsync(RequestScope scope, JsonObject parameters)
    {
        _sessions.Destroy(scope.Session!.Id);
        return Task.FromResult<JsonNode?>(null);
    }

    /// <summary>ir.http.session_info as Odoo 17 builds it for an internal user (the parts a client reads).</summary>
    private Task<JsonNode?> SessionInfoAsync(RequestScope scope, int uid) => WithEnvAsync(scope, uid, null, async env =>
    {
        var user = (await env.Cr.QueryAsync("""
            SELECT u."login", p."name", p.id, c.id, c."name", c."sequence", u."tz"
            FROM "res_users" u JOIN "res_partner" p ON p.id = u."partner_id" JOIN "res_company" c ON c.id = u."company_id" WHERE u.id = $1
            """, uid).ConfigureAwait(false))[0];
        var menus = await env.Cr.QueryAsync("SELECT id, \"name\", \"parent_id\", \"action\" FROM \"ir_ui_menu\" WHERE \"active\" ORDER BY id").ConfigureAwait(false);
        var currencies = await env.Cr.QueryAsync("SELECT id, \"symbol\", \"position\", \"decimal_places\" FROM \"res_currency\" WHERE \"active\"").ConfigureAwait(false);
        var menuHash = Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(string.Join("|", menus.Select(m => string.Join(",", m))))))[..64];
        var companyId = Convert.ToInt32(user[3], CultureInfo.InvariantCulture);
        var currencyInfo = new JsonObject();
        foreach (var currency in currencies)
        {
            currencyInfo[Convert.ToString(currency[0], CultureInfo.InvariantCulture)!] = new JsonObject
            {
                ["symbol"] = (string?)currency[1],
                ["position"] = (string?)currency[2],
                ["digits"] = new JsonArray(69, Convert.ToInt32(currency[3], CultureInfo.InvariantCulture)),
            };
        }

        var versionInfo = Version.VersionInfo();
        return new JsonObject
        {
            ["uid"] = uid,
            ["is_system"] = true,
            ["is_admin"] = true,
            ["is_public"] = false,
            ["is_internal_user"] = true,
            ["user_context"] = UserContext(uid).Also(c => c["tz"] = (string?)user[6] ?? "Europe/Brussels"),
            ["db"] = DatabaseName,
            ["user_settings"] = new JsonObject { ["id"] = uid, ["user_id"] = new JsonObject { ["id"] = uid } },
            ["server_version"] = versionInfo["server_version"]!.DeepClone(),
            ["server_version_info"] = versionInfo["server_version_info"]!.DeepClone(),
            ["support_url"] = "https://www.odoo.com/buy",
            ["name"] = (string?)user[1],
            ["username"] = (string?)user[0],
            ["partner_display_name"] = (string?)user[1],
            ["partner_id"] = Convert.ToInt32(user[2], CultureInfo.InvariantCulture),
            ["web.base.url"] = $"{scope.Http.Request.Scheme}://{scope.Http.Request.Host}",
            ["active_ids_limit"] = 20000,
            ["profile_session"] = null,
            ["profile_collectors"] = null,
            ["profile_params"] = null,
            ["max_file_upload_size"] = 134217728,
            ["home_action_id"] = false,
            ["cache_hashes"] = new JsonObject { ["translations"] = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(Version.Serie))), ["load_menus"] = menuHash },
            ["currencies"] = currencyInfo,
            ["bundle_params"] = new JsonObject { ["lang"] = "en_US" },
            ["user_companies"] = new JsonObject
            {
                ["current_company"] = companyId,
                ["allowed_companies"] = new JsonObject
                {
                    [companyId.ToString(CultureInfo.InvariantCulture)] = new JsonObject
                    {
                        ["id"] = companyId, ["name"] = (string?)user[4], ["sequence"] = Convert.ToInt32(user[5], CultureInfo.InvariantCulture),
                        ["child_ids"] = new JsonArray(), ["parent_id"] = false,
                    },
                },
                ["disallowed_ancestor_companies"] = new JsonObject(),
            },
            ["show_effect"] = true,
            ["display_switch_company_menu"] = false,
        };
    });
}

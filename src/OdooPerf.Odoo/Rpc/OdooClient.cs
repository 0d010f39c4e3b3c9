using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// Talks to one Odoo server as one user, the way the web client does (or over <c>/jsonrpc</c> or JSON-2, see
/// <see cref="OdooProtocol"/>). Every call returns an <see cref="OdooResponse"/> with the result and what a load test
/// records for the step (status, bytes, model and method); a failed call throws an <see cref="OdooException"/> carrying
/// the same, with a bounded <see cref="OdooException.Reason"/>. Transport failures (refused connection, timeout) and
/// cancellation are left as HttpClient throws them.
/// </summary>
/// <remarks>
/// <para>One client per virtual user, over an <see cref="HttpClient"/> whose handler keeps that user's cookies (the web
/// session's <c>session_id</c>); the client creates no handler. Calls may run concurrently, as the web client's do:
/// logins are serialised, and when several calls find the session expired at once only the first logs in again
/// (sessions are numbered) and the others retry on the new session.</para>
/// <para>An expired web session (<c>odoo.http.SessionExpiredException</c>) is renewed once per call: one new login, one
/// retry, and a second expiry or a refused login is thrown. A call that had already changed something (the create of a
/// pre-17 save) is not resent.</para>
/// <para>The secret goes into login requests (and, for <c>/jsonrpc</c> and JSON-2, into every request) and nowhere else:
/// not into <see cref="ToString"/>, messages, or results; server messages that quote it are masked.</para>
/// </remarks>
public sealed class OdooClient
{
    // JSON-2 exists from 19 on, so on JSON-2 the version-dependent helpers use 19's shapes without asking.
    private static readonly OdooServerVersion Json2Floor = new(19, 0, IsSaas: false);

    private readonly OdooHttp _http;
    private readonly OdooClientOptions _options;
    private readonly SemaphoreSlim _loginLock = new(1, 1);
    private volatile OdooTransport? _transport;
    private volatile SessionState? _session;
    private volatile OdooServerVersion? _probedVersion;

    /// <param name="httpClient">The virtual user's client; its <see cref="HttpClient.BaseAddress"/> is Odoo's root unless the options give one.</param>
    public OdooClient(HttpClient httpClient, OdooCredentials credentials, OdooClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(credentials);
        _options = options ?? new OdooClientOptions();
        _options.Validate();
        var baseAddress = _options.BaseAddress ?? httpClient.BaseAddress
            ?? throw new ArgumentException("neither the options nor the HttpClient give Odoo's base address", nameof(httpClient));
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Odoo's base address must be an absolute http(s) URL, not '{baseAddress}'", nameof(options));
        }

        _http = new OdooHttp(httpClient, baseAddress, credentials, _options);
        _transport = _options.Protocol == OdooProtocol.Auto ? null : CreateTransport(_options.Protocol);
    }

    public Uri BaseAddress => _http.BaseAddress;

    public string Database => _http.Credentials.Database;

    public string Login => _http.Credentials.Login;

    /// <summary>The protocol in use; <see cref="OdooProtocol.Auto"/> until the first login has chosen one.</summary>
    public OdooProtocol Protocol => _transport?.Protocol ?? OdooProtocol.Auto;

    public bool IsAuthenticated => _session is not null;

    /// <summary>The user's id once logged in (JSON-2: when the server says).</summary>
    public long? Uid => _session?.Uid;

    /// <summary>The server's version as far as known: from the login, a <c>version_info</c> call, or the options.</summary>
    public OdooServerVersion? ServerVersion =>
        _session?.Version ?? _probedVersion ?? (_options.ServerMajorVersion is { } major ? new OdooServerVersion(major, 0, IsSaas: false) : null);

    /// <summary>
    /// Logs in (again): <c>/web/session/authenticate</c>, <c>common.login</c>, or a JSON-2 check of the API key. With
    /// <see cref="OdooProtocol.Auto"/>, the first login asks <c>version_info</c> first to choose the protocol.
    /// </summary>
    /// <exception cref="OdooRpcException">Refused: <c>AccessDenied</c> (JSON-2: <c>Unauthorized</c>), or an unknown database.</exception>
    /// <exception cref="OdooProtocolException"><c>mfa_required</c>: the user has two-factor authentication.</exception>
    public async Task<OdooSession> AuthenticateAsync(CancellationToken cancellationToken = default)
    {
        var tally = new RpcTally(null, "authenticate");
        await _loginLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transport = _transport ??= await ChooseTransportAsync(tally, cancellationToken).ConfigureAwait(false);
            var session = await transport.LoginAsync((_session?.Generation ?? 0) + 1, tally, cancellationToken).ConfigureAwait(false);
            _session = session;
            return new OdooSession(
                session.Uid,
                Database,
                Login,
                transport.Protocol,
                ServerVersion ?? (transport.Protocol == OdooProtocol.Json2 ? Json2Floor : null),
                session.UserContext.ValueKind == JsonValueKind.Undefined ? OdooJson.Null : session.UserContext,
                tally.ToResponse(session.Info));
        }
        catch (OdooException e)
        {
            tally.Stamp(e);
            throw;
        }
        finally
        {
            _loginLock.Release();
        }
    }

    /// <summary>
    /// Logs out: <c>/web/session/destroy</c> for a web session (one request), nothing for the stateless protocols. The
    /// client is not logged in afterwards. Returns the HTTP requests sent (0 or 1).
    /// </summary>
    public async Task<int> LogoutAsync(CancellationToken cancellationToken = default)
    {
        var tally = new RpcTally(null, "logout");
        await _loginLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var web = _transport as WebSessionTransport;
            var hadSession = _session is not null;
            _session = null;
            if (web is null || !hadSession)
            {
                return 0;
            }

            await web.DestroyAsync(tally, cancellationToken).ConfigureAwait(false);
            return tally.HttpRequests;
        }
        catch (OdooException e)
        {
            tally.Stamp(e);
            throw;
        }
        finally
        {
            _loginLock.Release();
        }
    }

    /// <summary><c>/web/webclient/version_info</c> (no login needed): <c>server_version</c>, <c>server_version_info</c>, <c>server_serie</c>, <c>protocol_version</c>.</summary>
    public async Task<OdooResponse> VersionInfoAsync(CancellationToken cancellationToken = default)
    {
        var tally = new RpcTally(null, "version_info");
        try
        {
            var result = await PostVersionInfoAsync(tally, cancellationToken).ConfigureAwait(false);
            return tally.ToResponse(result);
        }
        catch (OdooException e)
        {
            tally.Stamp(e);
            throw;
        }
    }

    /// <summary>Any ORM call, described once for every protocol.</summary>
    /// <exception cref="NotSupportedException">JSON-2 and positional arguments without <see cref="OdooCall.ArgNames"/>.</exception>
    public Task<OdooResponse> CallAsync(OdooCall call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        OdooNames.Check(call.Model, call.Method);
        return RunAsync(call.Model, call.Method, (transport, session, tally, ct) => transport.CallAsync(call, session, tally, ct), cancellationToken);
    }

    /// <summary>
    /// <c>call_kw(model, method, args, kwargs)</c> as the web client sends it (<c>/web/dataset/call_kw/MODEL/METHOD</c>).
    /// JSON-2 takes no positional <paramref name="args"/>: use <see cref="CallAsync"/> with ids and named arguments.
    /// </summary>
    public Task<OdooResponse> CallKwAsync(string model, string method, JsonArray? args = null, JsonObject? kwargs = null, CancellationToken cancellationToken = default) =>
        CallAsync(new OdooCall(model, method) { Args = args, Kwargs = kwargs }, cancellationToken);

    /// <summary>
    /// A button on records (<c>action_confirm</c>, <c>button_validate</c>, <c>action_post</c>...) through
    /// <c>/web/dataset/call_button</c>: the result is the action to follow (a wizard, a report) or <c>false</c>.
    /// </summary>
    public Task<OdooResponse> CallButtonAsync(string model, string method, IReadOnlyList<long> ids, JsonObject? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        OdooNames.Check(model, method);
        var call = new OdooCall(model, method) { Ids = ids, Context = context };
        return RunAsync(model, method, (transport, session, tally, ct) => transport.CallButtonAsync(call, session, tally, ct), cancellationToken);
    }

    /// <summary><c>/web/action/load</c> for an action id (web session only).</summary>
    public Task<OdooResponse> LoadActionAsync(long actionId, JsonObject? context = null, CancellationToken cancellationToken = default) =>
        LoadActionCoreAsync(JsonValue.Create(actionId), context, cancellationToken);

    /// <summary><c>/web/action/load</c> for an xml id (<c>sale.action_quotations_with_onboarding</c>) or, from 17.2, a path (<c>action-sales</c>).</summary>
    public Task<OdooResponse> LoadActionAsync(string action, JsonObject? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        return LoadActionCoreAsync(JsonValue.Create(action), context, cancellationToken);
    }

    /// <summary>
    /// A list view's read: <c>web_search_read</c> with the <paramref name="specification"/> (17+), with its field names
    /// (14 to 16), <c>search_read</c> before. The result is <c>{length, records}</c>, or the list for <c>search_read</c>:
    /// <see cref="OdooResponse.GetRecords"/> reads both.
    /// </summary>
    public Task<OdooResponse> WebSearchReadAsync(string model, OdooDomain? domain, OdooSpecification specification, int offset = 0, int? limit = null,
        string? order = null, JsonObject? context = null, int? countLimit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        OdooNames.Check(model, "web_search_read");
        return RunVersionedAsync(model, "web_search_read",
            version => WebClientCalls.SearchRead(version, model, domain, specification, offset, limit, order, context, countLimit), cancellationToken);
    }

    /// <summary>A form view's read: <c>web_read</c> with the specification (17+), <c>read</c> with its field names before.</summary>
    public Task<OdooResponse> WebReadAsync(string model, IReadOnlyList<long> ids, OdooSpecification specification, JsonObject? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(specification);
        OdooNames.Check(model, "web_read");
        return RunVersionedAsync(model, "web_read", version => WebClientCalls.Read(version, model, ids, specification, context), cancellationToken);
    }

    /// <summary>
    /// The defaults a form shows on "New": <c>onchange</c> on no record with the form's <paramref name="specification"/>
    /// (17+), or the same call with 16's <c>field_onchange</c> map. The result's <c>value</c> holds the defaults.
    /// </summary>
    public Task<OdooResponse> NewRecordAsync(string model, OdooSpecification specification, JsonObject? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        OdooNames.Check(model, "onchange");
        return RunVersionedAsync(model, "onchange", version => WebClientCalls.NewRecordOnchange(version, model, specification, context), cancellationToken);
    }

    /// <summary>
    /// A form's save: <c>web_save(vals, specification)</c> on <paramref name="ids"/>, or on none to create (17+); before
    /// 17, <c>create</c> or <c>write</c> and then <c>read</c>, as those clients did (two requests). The result is the saved
    /// record as read back; <see cref="OdooResponse.GetId"/> gives its id.
    /// </summary>
    public Task<OdooResponse> WebSaveAsync(string model, IReadOnlyList<long> ids, JsonObject vals, OdooSpecification specification, JsonObject? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(vals);
        ArgumentNullException.ThrowIfNull(specification);
        OdooNames.Check(model, "web_save");
        return RunAsync(model, "web_save", async (transport, session, tally, ct) =>
        {
            var version = await VersionAsync(transport, session, tally, ct).ConfigureAwait(false);
            if (version.HasSpecification)
            {
                return await transport.CallAsync(WebClientCalls.Save(model, ids, vals, specification, context), session, tally, ct).ConfigureAwait(false);
            }

            IReadOnlyList<long> saved = ids;
            if (ids.Count == 0)
            {
                tally.Method = "create";
                var created = await transport.CallAsync(WebClientCalls.Create(model, vals, context), session, tally, ct).ConfigureAwait(false);
                tally.CompletedCalls++;
                saved = [created.TryGetInt64OrFalse(out var id) && id > 0
                    ? id
                    : throw new OdooProtocolException("invalid_response", $"{model}.create answered a {created.ValueKind}, not a record id")];
            }
            else
            {
                tally.Method = "write";
                await transport.CallAsync(WebClientCalls.Write(model, ids, vals, context), session, tally, ct).ConfigureAwait(false);
                tally.CompletedCalls++;
            }

            return await transport.CallAsync(WebClientCalls.Read(version, model, saved, specification, context), session, tally, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// A many2one's autocompletion: <c>name_search</c> answering <c>[[id, display_name], ...]</c>, or on 19
    /// <c>web_name_search</c> answering <c>[{"id": id, "display_name": ...}, ...]</c>.
    /// </summary>
    public Task<OdooResponse> NameSearchAsync(string model, string name, OdooDomain? domain = null, string op = "ilike", int limit = 8, JsonObject? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(op);
        OdooNames.Check(model, "name_search");
        return RunVersionedAsync(model, "name_search", version => WebClientCalls.NameSearch(version, model, name, domain, op, limit, context), cancellationToken);
    }

    /// <summary><c>search_count(domain)</c>.</summary>
    public Task<OdooResponse> SearchCountAsync(string model, OdooDomain? domain, JsonObject? context = null, CancellationToken cancellationToken = default) =>
        CallAsync(WebClientCalls.SearchCount(model, domain, context), cancellationToken);

    /// <summary><c>search_read(domain, fields, offset, limit, order)</c>: a plain read, the same on every version.</summary>
    public Task<OdooResponse> SearchReadAsync(string model, OdooDomain? domain, IReadOnlyList<string> fields, int offset = 0, int? limit = null, string? order = null,
        JsonObject? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return CallAsync(WebClientCalls.PlainSearchRead(model, domain, fields, offset, limit, order, context), cancellationToken);
    }

    /// <summary><c>create(vals)</c>: answers the new id (JSON-2: <c>[id]</c>; <see cref="OdooResponse.GetId"/> reads both).</summary>
    public Task<OdooResponse> CreateAsync(string model, JsonObject vals, JsonObject? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vals);
        return CallAsync(WebClientCalls.Create(model, vals, context), cancellationToken);
    }

    /// <summary><c>write(vals)</c> on records: answers <c>true</c>.</summary>
    public Task<OdooResponse> WriteAsync(string model, IReadOnlyList<long> ids, JsonObject vals, JsonObject? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(vals);
        return CallAsync(WebClientCalls.Write(model, ids, vals, context), cancellationToken);
    }

    /// <summary><c>read_group(domain, fields, groupby, offset, limit, orderby, lazy)</c>; fields such as <c>amount_total:sum</c>.</summary>
    public Task<OdooResponse> ReadGroupAsync(string model, OdooDomain? domain, IReadOnlyList<string> fields, IReadOnlyList<string> groupBy, int offset = 0,
        int? limit = null, string? orderBy = null, bool lazy = true, JsonObject? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(groupBy);
        return CallAsync(WebClientCalls.ReadGroup(model, domain, fields, groupBy, offset, limit, orderBy, lazy, context), cancellationToken);
    }

    /// <summary>
    /// A pivot view: <paramref name="rows"/> by <paramref name="columns"/> with <paramref name="aggregates"/> such as
    /// <c>price_subtotal:sum</c> (19: <c>formatted_read_grouping_sets</c>; before: <c>read_group</c>, not lazy).
    /// </summary>
    public Task<OdooResponse> PivotReadGroupAsync(string model, OdooDomain? domain, IReadOnlyList<string> rows, IReadOnlyList<string> columns,
        IReadOnlyList<string> aggregates, JsonObject? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(aggregates);
        OdooNames.Check(model, "read_group");
        return RunVersionedAsync(model, "read_group",
            version => WebClientCalls.PivotReadGroup(version, model, domain, rows, columns, aggregates, context), cancellationToken);
    }

    /// <summary>
    /// A grouped list, kanban or graph: <c>web_read_group</c> with <paramref name="aggregates"/> such as
    /// <c>amount_total:sum</c> (19: <c>aggregates</c> and <c>order</c>; before: <c>fields</c>, <c>orderby</c> and <c>lazy</c>).
    /// </summary>
    public Task<OdooResponse> WebReadGroupAsync(string model, OdooDomain? domain, IReadOnlyList<string> groupBy, IReadOnlyList<string> aggregates, int offset = 0,
        int? limit = null, string? order = null, JsonObject? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupBy);
        ArgumentNullException.ThrowIfNull(aggregates);
        OdooNames.Check(model, "web_read_group");
        return RunVersionedAsync(model, "web_read_group",
            version => WebClientCalls.WebReadGroup(version, model, domain, groupBy, aggregates, offset, limit, order, context), cancellationToken);
    }

    /// <summary>Where and who, never the secret (nor credentials written into the URL).</summary>
    public override string ToString()
    {
        var where = new UriBuilder(BaseAddress) { UserName = "", Password = "" }.Uri;
        return $"OdooClient({where} {Login}@{Database}, {Protocol}{(IsAuthenticated ? ", logged in" : "")})";
    }

    private Task<OdooResponse> LoadActionCoreAsync(JsonNode actionId, JsonObject? context, CancellationToken cancellationToken) =>
        RunAsync(null, "load_action", (transport, session, tally, ct) => transport is WebSessionTransport web
            ? web.LoadActionAsync(actionId, context, session, tally, ct)
            : throw new NotSupportedException($"/web/action/load needs a web session; the {transport.Protocol} protocol has none"),
            cancellationToken);

    private Task<OdooResponse> RunVersionedAsync(string model, string method, Func<OdooServerVersion, OdooCall> build, CancellationToken cancellationToken) =>
        RunAsync(model, method, async (transport, session, tally, ct) =>
        {
            var call = build(await VersionAsync(transport, session, tally, ct).ConfigureAwait(false));
            tally.Method = call.Method;
            return await transport.CallAsync(call, session, tally, ct).ConfigureAwait(false);
        }, cancellationToken);

    // One public call: its requests tallied, one re-login and retry on an expired web session, failures stamped.
    private async Task<OdooResponse> RunAsync(string? model, string method,
        Func<OdooTransport, SessionState, RpcTally, CancellationToken, Task<JsonElement>> operation, CancellationToken cancellationToken)
    {
        var tally = new RpcTally(model, method);
        try
        {
            var transport = _transport;
            var session = _session;
            if (transport is null || session is null)
            {
                throw new InvalidOperationException("not logged in: call AuthenticateAsync first");
            }

            JsonElement result;
            try
            {
                result = await operation(transport, session, tally, cancellationToken).ConfigureAwait(false);
            }
            catch (OdooRpcException e) when (e.IsSessionExpired && transport.HasSessions && tally.CompletedCalls == 0)
            {
                session = await ReloginAsync(transport, session, tally, cancellationToken).ConfigureAwait(false);
                result = await operation(transport, session, tally, cancellationToken).ConfigureAwait(false);
            }

            return tally.ToResponse(result);
        }
        catch (OdooException e)
        {
            tally.Stamp(e);
            throw;
        }
    }

    private async Task<SessionState> ReloginAsync(OdooTransport transport, SessionState expired, RpcTally tally, CancellationToken cancellationToken)
    {
        await _loginLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another call found the same session expired and has logged in again already.
            if (_session is { } current && current.Generation != expired.Generation)
            {
                return current;
            }

            var fresh = await transport.LoginAsync(expired.Generation + 1, tally, cancellationToken).ConfigureAwait(false);
            _session = fresh;
            return fresh;
        }
        finally
        {
            _loginLock.Release();
        }
    }

    private async Task<OdooTransport> ChooseTransportAsync(RpcTally tally, CancellationToken cancellationToken)
    {
        var protocol = _options.Protocol;
        if (protocol == OdooProtocol.Auto)
        {
            var version = OdooServerVersion.FromVersionInfo(await PostVersionInfoAsync(tally, cancellationToken).ConfigureAwait(false)) ?? ServerVersion;
            protocol = _http.Secret.Kind == OdooSecretKind.ApiKey
                ? version?.HasJson2 == true ? OdooProtocol.Json2 : OdooProtocol.JsonRpc
                : OdooProtocol.WebSession;
        }

        return CreateTransport(protocol);
    }

    private OdooTransport CreateTransport(OdooProtocol protocol) => protocol switch
    {
        OdooProtocol.WebSession => new WebSessionTransport(_http),
        OdooProtocol.JsonRpc => new ExternalJsonRpcTransport(_http),
        OdooProtocol.Json2 => new Json2Transport(_http),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no transport for this protocol"),
    };

    private async ValueTask<OdooServerVersion> VersionAsync(OdooTransport transport, SessionState session, RpcTally tally, CancellationToken cancellationToken)
    {
        if (ServerVersion is { } known)
        {
            return known;
        }

        if (transport.Protocol == OdooProtocol.Json2)
        {
            return Json2Floor;
        }

        var info = await PostVersionInfoAsync(tally, cancellationToken).ConfigureAwait(false);
        return OdooServerVersion.FromVersionInfo(info)
            ?? throw new OdooProtocolException("invalid_response", "/web/webclient/version_info gave no server_version_info");
    }

    private async Task<JsonElement> PostVersionInfoAsync(RpcTally tally, CancellationToken cancellationToken)
    {
        var body = JsonBody.Write(writer =>
        {
            JsonRpcEnvelope.Begin(writer);
            JsonRpcEnvelope.End(writer, _http.NextId());
        });
        var result = await _http.PostJsonRpcAsync("web/webclient/version_info", body, tally, cancellationToken).ConfigureAwait(false);
        if (OdooServerVersion.FromVersionInfo(result) is { } version)
        {
            _probedVersion = version;
        }

        return result;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// The web client's protocol (<c>addons/web/controllers/session.py</c>, <c>dataset.py</c>, <c>action.py</c>): a login on
/// <c>/web/session/authenticate</c> whose <c>session_id</c> cookie the HttpClient's handler keeps, then JSON-RPC calls on
/// <c>/web/dataset/call_kw/MODEL/METHOD</c> (the suffix is for the log; the server reads the body),
/// <c>/web/dataset/call_button</c> and <c>/web/action/load</c>, each with the user's context.
/// </summary>
internal sealed class WebSessionTransport(OdooHttp http) : OdooTransport(http)
{
    public override OdooProtocol Protocol => OdooProtocol.WebSession;

    public override bool HasSessions => true;

    public override async Task<SessionState> LoginAsync(int generation, RpcTally tally, CancellationToken cancellationToken)
    {
        var credentials = Http.Credentials;
        var body = Body(writer =>
        {
            JsonRpcEnvelope.Begin(writer);
            writer.WriteString("db", credentials.Database);
            writer.WriteString("login", credentials.Login);
            writer.WriteString("password", credentials.Secret.Reveal());
            JsonRpcEnvelope.End(writer, Http.NextId());
        });
        var info = await PostJsonRpcAsync("web/session/authenticate", body, tally, cancellationToken).ConfigureAwait(false);
        if (info.ValueKind != JsonValueKind.Object)
        {
            throw new OdooProtocolException("invalid_response", $"/web/session/authenticate answered a {info.ValueKind}, not the session info");
        }

        // authenticate() answers {"uid": null} when the password was right but a second factor is due.
        if (!info.TryGetProperty("uid", out var uid) || !uid.TryGetInt64OrFalse(out var id) || id <= 0)
        {
            throw new OdooProtocolException(
                "mfa_required",
                $"login of {credentials.Login}@{credentials.Database} returned no user id (two-factor authentication?); use an API key with the jsonrpc or json2 protocol");
        }

        var context = info.TryGetProperty("user_context", out var userContext) ? userContext : default;
        return new SessionState(generation, id, context, OdooServerVersion.FromVersionInfo(info), info);
    }

    public override Task<JsonElement> CallAsync(OdooCall call, SessionState session, RpcTally tally, CancellationToken cancellationToken) =>
        PostJsonRpcAsync($"web/dataset/call_kw/{call.Model}/{call.Method}", CallBody(call, session), tally, cancellationToken);

    // call_button(model, method, args, kwargs) returns the cleaned action, or False.
    public override Task<JsonElement> CallButtonAsync(OdooCall call, SessionState session, RpcTally tally, CancellationToken cancellationToken)
    {
        var path = session.Version?.CallButtonHasPath == true ? $"web/dataset/call_button/{call.Model}/{call.Method}" : "web/dataset/call_button";
        return PostJsonRpcAsync(path, CallBody(call, session), tally, cancellationToken);
    }

    /// <summary><c>/web/session/destroy</c>: the server forgets the session (its cookie is useless afterwards).</summary>
    public Task<JsonElement> DestroyAsync(RpcTally tally, CancellationToken cancellationToken)
    {
        var body = Body(writer =>
        {
            JsonRpcEnvelope.Begin(writer);
            JsonRpcEnvelope.End(writer, Http.NextId());
        });
        return PostJsonRpcAsync("web/session/destroy", body, tally, cancellationToken);
    }

    /// <summary><c>/web/action/load</c>: an action by id, xml id or (17.2+) path.</summary>
    public Task<JsonElement> LoadActionAsync(JsonNode actionId, JsonObject? context, SessionState session, RpcTally tally, CancellationToken cancellationToken)
    {
        var contextKey = session.Version?.ActionLoadTakesContext == false ? "additional_context" : "context";
        var body = Body(writer =>
        {
            JsonRpcEnvelope.Begin(writer);
            writer.WritePropertyName("action_id");
            actionId.WriteTo(writer);
            CallWriter.Context(writer, session.UserContext, null, context, always: false, contextKey);
            JsonRpcEnvelope.End(writer, Http.NextId());
        });
        return PostJsonRpcAsync("web/action/load", body, tally, cancellationToken);
    }

    private System.Buffers.ArrayBufferWriter<byte> CallBody(OdooCall call, SessionState session) => Body(writer =>
    {
        JsonRpcEnvelope.Begin(writer);
        writer.WriteString("model", call.Model);
        writer.WriteString("method", call.Method);
        writer.WritePropertyName("args");
        CallWriter.Args(writer, call);
        writer.WritePropertyName("kwargs");
        CallWriter.Kwargs(writer, call, session.UserContext, alwaysContext: true);
        JsonRpcEnvelope.End(writer, Http.NextId());
    });
}

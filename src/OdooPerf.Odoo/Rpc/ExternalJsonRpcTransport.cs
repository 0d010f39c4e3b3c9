using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// The external API on <c>/jsonrpc</c> (<c>odoo/service/common.py</c>, <c>odoo/service/model.py</c>):
/// <c>common.login(db, login, password)</c> gives the uid, then every call is
/// <c>object.execute_kw(db, uid, password, model, method, args, kwargs)</c>. No cookie, nothing to expire; the secret
/// travels with each call (an API key works as the password).
/// </summary>
internal sealed class ExternalJsonRpcTransport(OdooHttp http) : OdooTransport(http)
{
    private const string Path = "jsonrpc";

    public override OdooProtocol Protocol => OdooProtocol.JsonRpc;

    public override async Task<SessionState> LoginAsync(int generation, RpcTally tally, CancellationToken cancellationToken)
    {
        var credentials = Http.Credentials;
        var body = Body(writer =>
        {
            JsonRpcEnvelope.Begin(writer);
            writer.WriteString("service", "common");
            writer.WriteString("method", "login");
            writer.WriteStartArray("args");
            writer.WriteStringValue(credentials.Database);
            writer.WriteStringValue(credentials.Login);
            writer.WriteStringValue(credentials.Secret.Reveal());
            writer.WriteEndArray();
            JsonRpcEnvelope.End(writer, Http.NextId());
        });
        var uid = await PostJsonRpcAsync(Path, body, tally, cancellationToken).ConfigureAwait(false);

        // exp_login catches AccessDenied and answers False: the same refusal the web login reports as AccessDenied.
        if (!uid.TryGetInt64OrFalse(out var id) || id <= 0)
        {
            throw new OdooRpcException(0, "odoo.exceptions.AccessDenied", $"common.login refused {credentials.Login}@{credentials.Database}", debug: null);
        }

        return new SessionState(generation, id, default, null, uid);
    }

    public override Task<JsonElement> CallAsync(OdooCall call, SessionState session, RpcTally tally, CancellationToken cancellationToken)
    {
        var credentials = Http.Credentials;
        var body = Body(writer =>
        {
            JsonRpcEnvelope.Begin(writer);
            writer.WriteString("service", "object");
            writer.WriteString("method", "execute_kw");
            writer.WriteStartArray("args");
            writer.WriteStringValue(credentials.Database);
            writer.WriteNumberValue(session.Uid ?? 0);
            writer.WriteStringValue(credentials.Secret.Reveal());
            writer.WriteStringValue(call.Model);
            writer.WriteStringValue(call.Method);
            CallWriter.Args(writer, call);
            CallWriter.Kwargs(writer, call, session.UserContext, alwaysContext: false);
            writer.WriteEndArray();
            JsonRpcEnvelope.End(writer, Http.NextId());
        });
        return PostJsonRpcAsync(Path, body, tally, cancellationToken);
    }
}

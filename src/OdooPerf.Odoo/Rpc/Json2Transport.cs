using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// Odoo 19's JSON-2 API (<c>addons/web/controllers/json2.py</c>, moved to <c>addons/rpc</c> later):
/// <c>POST /json/2/MODEL/METHOD</c> with <c>Authorization: Bearer API_KEY</c> and <c>X-Odoo-Database</c>, body
/// <c>{"ids": [...], "context": {...}, ...named arguments}</c>, the return value as the answer (a recordset as its ids).
/// Stateless: the "login" checks the key with <c>res.users.context_get</c> and keeps the user's context, which JSON-2
/// would otherwise replace with the call's (<c>with_context(context)</c>).
/// </summary>
internal sealed class Json2Transport(OdooHttp http) : OdooTransport(http)
{
    public override OdooProtocol Protocol => OdooProtocol.Json2;

    public override async Task<SessionState> LoginAsync(int generation, RpcTally tally, CancellationToken cancellationToken)
    {
        var context = await CallAsync(new OdooCall("res.users", "context_get"), new SessionState(generation, null, default, null, default), tally, cancellationToken)
            .ConfigureAwait(false);
        if (context.ValueKind != JsonValueKind.Object)
        {
            throw new OdooProtocolException("invalid_response", $"res.users.context_get answered a {context.ValueKind}, not a context");
        }

        long? uid = context.TryGetProperty("uid", out var uidElement) && uidElement.ValueKind == JsonValueKind.Number && uidElement.TryGetInt64(out var id) ? id : null;
        return new SessionState(generation, uid, context, null, context);
    }

    public override async Task<JsonElement> CallAsync(OdooCall call, SessionState session, RpcTally tally, CancellationToken cancellationToken)
    {
        var body = Body(writer => CallWriter.Json2Body(writer, call, session.UserContext));
        var answer = await Http.PostAsync($"json/2/{call.Model}/{call.Method}", body.WrittenMemory, bearer: true, tally, cancellationToken).ConfigureAwait(false);
        return Json2Answer.Result(answer, Http, tally);
    }
}

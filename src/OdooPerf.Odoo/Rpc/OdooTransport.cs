using System.Buffers;
using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>One way of talking to Odoo (<see cref="OdooProtocol"/>): logging in and calling ORM methods.</summary>
internal abstract class OdooTransport(OdooHttp http)
{
    protected OdooHttp Http { get; } = http;

    public abstract OdooProtocol Protocol { get; }

    /// <summary>Calls depend on a server-side session that can expire and be renewed by logging in again.</summary>
    public virtual bool HasSessions => false;

    public abstract Task<SessionState> LoginAsync(int generation, RpcTally tally, CancellationToken cancellationToken);

    public abstract Task<JsonElement> CallAsync(OdooCall call, SessionState session, RpcTally tally, CancellationToken cancellationToken);

    /// <summary>A button: the web client's own route where there is one, else an ordinary call.</summary>
    public virtual Task<JsonElement> CallButtonAsync(OdooCall call, SessionState session, RpcTally tally, CancellationToken cancellationToken) =>
        CallAsync(call, session, tally, cancellationToken);

    protected static ArrayBufferWriter<byte> Body(Action<Utf8JsonWriter> write) => JsonBody.Write(write);

    protected Task<JsonElement> PostJsonRpcAsync(string path, ArrayBufferWriter<byte> body, RpcTally tally, CancellationToken cancellationToken) =>
        Http.PostJsonRpcAsync(path, body, tally, cancellationToken);
}

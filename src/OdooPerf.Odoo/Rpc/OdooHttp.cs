using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// Posts JSON bodies to Odoo through the caller's <see cref="HttpClient"/> (its handler keeps the session cookie) and reads
/// the answer, bounded, counting the bytes of both bodies. Thread-safe: it holds no per-request state.
/// </summary>
internal sealed class OdooHttp
{
    private readonly HttpClient _http;
    private readonly Uri _base;
    private long _lastId;

    public OdooHttp(HttpClient http, Uri baseAddress, OdooCredentials credentials, OdooClientOptions options)
    {
        _http = http;
        _base = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        Credentials = credentials;
        Options = options;
    }

    public Uri BaseAddress => _base;

    public OdooCredentials Credentials { get; }

    public OdooSecret Secret => Credentials.Secret;

    public OdooClientOptions Options { get; }

    /// <summary>JSON-RPC request ids: increasing per client, as the web client numbers its RPCs.</summary>
    public long NextId() => Interlocked.Increment(ref _lastId);

    /// <param name="path">Relative to the base address, without a leading slash: <c>web/dataset/call_kw/res.partner/read</c>.</param>
    /// <param name="bearer">Send the secret as JSON-2's bearer token, with the database header.</param>
    public async Task<HttpAnswer> PostAsync(string path, ReadOnlyMemory<byte> body, bool bearer, RpcTally tally, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, path))
        {
            Content = new ReadOnlyMemoryContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret.Reveal());
            request.Headers.TryAddWithoutValidation("X-Odoo-Database", Credentials.Database);
        }

        tally.Sent("/" + path, body.Length);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var (buffer, length) = await ReadBoundedAsync(response.Content, status, tally, cancellationToken).ConfigureAwait(false);
        tally.Received(status, length);
        return new HttpAnswer(status, response.Content.Headers.ContentType?.MediaType, buffer, length);
    }

    /// <summary>Posts a JSON-RPC request and returns its <c>result</c> (see <see cref="JsonRpcEnvelope.Result"/>).</summary>
    public async Task<JsonElement> PostJsonRpcAsync(string path, ArrayBufferWriter<byte> body, RpcTally tally, CancellationToken cancellationToken)
    {
        var answer = await PostAsync(path, body.WrittenMemory, bearer: false, tally, cancellationToken).ConfigureAwait(false);
        return JsonRpcEnvelope.Result(answer, this, tally);
    }

    private async Task<(byte[] Buffer, int Length)> ReadBoundedAsync(HttpContent content, int status, RpcTally tally, CancellationToken cancellationToken)
    {
        var max = Options.MaxResponseBytes;
        var declared = content.Headers.ContentLength;
        if (declared > max)
        {
            tally.Received(status, 0);
            throw TooLarge(status, declared.Value);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // One byte past the limit tells a body of exactly the limit from a larger one.
            var buffer = new byte[declared is > 0 ? (int)declared.Value + 1 : 4096];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)max + 1));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
                if (length > max)
                {
                    tally.Received(status, length);
                    throw TooLarge(status, length);
                }
            }
        }
    }

    private OdooHttpException TooLarge(int status, long bytes) =>
        new(status, "response_too_large", $"the response body ({bytes} bytes or more) is over the {Options.MaxResponseBytes}-byte limit");
}

using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// A successful call: Odoo's result, and what a load test records for the step: the HTTP status, request and response
/// body bytes, how many HTTP requests it took, and the model and method it was for.
/// </summary>
public sealed class OdooResponse
{
    internal OdooResponse(JsonElement result, string? model, string method, string route, int statusCode, long bytesSent, long bytesReceived, int httpRequests)
    {
        Result = result.ValueKind == JsonValueKind.Undefined ? OdooJson.Null : result;
        Model = model;
        Method = method;
        Route = route;
        StatusCode = statusCode;
        BytesSent = bytesSent;
        BytesReceived = bytesReceived;
        HttpRequests = httpRequests;
    }

    /// <summary>The result; JSON <c>null</c> when the method returned None (Odoo then sends no <c>result</c> key).</summary>
    public JsonElement Result { get; }

    public bool IsNull => Result.ValueKind == JsonValueKind.Null;

    /// <summary>The model called; null for calls not on a model (login, version, actions).</summary>
    public string? Model { get; }

    /// <summary>The ORM method that ran (<c>web_search_read</c>, or <c>search_read</c> on an old server), or the route's name.</summary>
    public string Method { get; }

    /// <summary>The path of the last request, such as <c>/web/dataset/call_button</c>.</summary>
    public string Route { get; }

    /// <summary>The HTTP status of the last response.</summary>
    public int StatusCode { get; }

    /// <summary>Request body bytes sent, over every HTTP request of the call (headers not counted).</summary>
    public long BytesSent { get; }

    /// <summary>Response body bytes read, over every HTTP request of the call (after decompression; headers not counted).</summary>
    public long BytesReceived { get; }

    /// <summary>HTTP requests the call took: 1; more after a re-login, a version probe or a save that writes then reads.</summary>
    public int HttpRequests { get; }

    /// <summary>
    /// The record id a create or save returned, whatever its shape: <c>42</c>, <c>[42]</c> (JSON-2, multi-create),
    /// <c>[{"id": 42, ...}]</c> (<c>web_save</c>) or <c>{"id": 42}</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The result holds no id.</exception>
    public long GetId() => IdOf(Result) ?? throw new InvalidOperationException($"{Model}.{Method} returned no record id ({Result.ValueKind})");

    /// <summary>
    /// The records of a read, whatever its shape: the <c>records</c> of <c>web_search_read</c>'s <c>{length, records}</c>, or
    /// the list that <c>search_read</c>, <c>read</c> and <c>web_read</c> return.
    /// </summary>
    /// <exception cref="InvalidOperationException">The result is neither.</exception>
    public JsonElement GetRecords()
    {
        if (Result.ValueKind == JsonValueKind.Array)
        {
            return Result;
        }

        if (Result.ValueKind == JsonValueKind.Object && Result.TryGetProperty("records", out var records) && records.ValueKind == JsonValueKind.Array)
        {
            return records;
        }

        throw new InvalidOperationException($"{Model}.{Method} returned no records ({Result.ValueKind})");
    }

    public override string ToString() =>
        $"{(Model is null ? Method : $"{Model}.{Method}")} via {Route}: HTTP {StatusCode}, {HttpRequests} request(s), {BytesSent} B sent, {BytesReceived} B received";

    private static long? IdOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt64(out var id) => id,
        JsonValueKind.Array when element.GetArrayLength() > 0 => IdOf(element[0]),
        JsonValueKind.Object when element.TryGetProperty("id", out var id) => IdOf(id),
        _ => null,
    };
}

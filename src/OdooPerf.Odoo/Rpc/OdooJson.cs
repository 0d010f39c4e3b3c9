using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>Reading answers: the body is parsed in place (the document keeps the buffer, so results stay valid as long as they are used).</summary>
internal static class OdooJson
{
    /// <summary>JSON <c>null</c>, for results that are absent.</summary>
    public static readonly JsonElement Null = JsonDocument.Parse("null").RootElement;

    public static JsonElement Parse(HttpAnswer answer, OdooHttp http, RpcTally tally) =>
        TryParse(answer.Body) ?? throw new OdooHttpException(
            answer.StatusCode,
            "invalid_response",
            $"{tally.Route} answered HTTP {answer.StatusCode} with {answer.MediaType ?? "no content type"}, not JSON: {OdooText.Snippet(answer.Body.Span, 200, http.Credentials)}");

    public static JsonElement? TryParse(ReadOnlyMemory<byte> body)
    {
        try
        {
            // Not disposed: results point into it. Its pooled metadata goes back to the GC instead of the pool.
            return JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

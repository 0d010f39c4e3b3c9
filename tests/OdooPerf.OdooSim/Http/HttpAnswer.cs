using System.Text;
using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Http;

/// <summary>A response computed in full before it is logged and sent (werkzeug logs the request when it starts the response).</summary>
internal sealed class HttpAnswer
{
    public required int Status { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Body { get; init; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>A session id to set in the <c>session_id</c> cookie.</summary>
    public string? SessionCookie { get; set; }

    public static HttpAnswer Json(JsonNode? body, int status = 200) => new()
    {
        Status = status,
        ContentType = "application/json; charset=utf-8",
        Body = Encoding.UTF8.GetBytes(body?.ToJsonString(JsonOptions) ?? "null"),
    };

    // Quotes and non-ASCII text as Python's json.dumps(ensure_ascii=False) writes them, not as \u0022.
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON text written by hand, for bodies whose exact spacing matters (Python's <c>json.dumps</c>).</summary>
    public static HttpAnswer RawJson(string body, int status = 200) => new()
    {
        Status = status,
        ContentType = "application/json",
        Body = Encoding.UTF8.GetBytes(body),
    };

    public static HttpAnswer Html(string body, int status = 200) => new()
    {
        Status = status,
        ContentType = "text/html; charset=utf-8",
        Body = Encoding.UTF8.GetBytes(body),
    };

    public static HttpAnswer Redirect(string location, int status = 303)
    {
        var answer = Html($"<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href=\"{location}\">{location}</a>. If not, click the link.\n", status);
        answer.Headers.Add(new("Location", location));
        return answer;
    }

    /// <summary>werkzeug's error pages (NotFound, InternalServerError, ...).</summary>
    public static HttpAnswer WerkzeugError(int status, string title, string description) =>
        Html($"<!doctype html>\n<html lang=en>\n<title>{status} {title}</title>\n<h1>{title}</h1>\n<p>{description}</p>\n", status);

    public static HttpAnswer NotFound() => WerkzeugError(404, "Not Found", "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.");

    public static HttpAnswer InternalServerError() => WerkzeugError(500, "Internal Server Error",
        "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.");

    public static HttpAnswer BadRequest(string description) => WerkzeugError(400, "Bad Request", description);
}

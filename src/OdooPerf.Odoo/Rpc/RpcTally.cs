using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>What one public call has cost so far, over all its HTTP requests; becomes its response or stamps its exception.</summary>
internal sealed class RpcTally(string? model, string method)
{
    public string? Model { get; set; } = model;

    public string Method { get; set; } = method;

    public string Route { get; private set; } = "";

    public int? StatusCode { get; private set; }

    public long BytesSent { get; private set; }

    public long BytesReceived { get; private set; }

    public int HttpRequests { get; private set; }

    /// <summary>ORM calls that succeeded: a call that already changed something is not sent again after a re-login.</summary>
    public int CompletedCalls { get; set; }

    public void Sent(string route, long bytes)
    {
        Route = route;
        BytesSent += bytes;
        HttpRequests++;
    }

    public void Received(int statusCode, long bytes)
    {
        StatusCode = statusCode;
        BytesReceived += bytes;
    }

    public OdooResponse ToResponse(JsonElement result) =>
        new(result, Model, Method, Route, StatusCode ?? 0, BytesSent, BytesReceived, HttpRequests);

    public void Stamp(OdooException exception)
    {
        exception.Model ??= Model;
        exception.Method ??= Method;
        exception.Route ??= Route;
        exception.StatusCode ??= StatusCode;
        exception.BytesSent = BytesSent;
        exception.BytesReceived = BytesReceived;
        exception.HttpRequests = HttpRequests;
    }
}

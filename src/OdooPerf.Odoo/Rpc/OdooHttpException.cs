namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// An answer that is not Odoo's: a status other than 2xx on a JSON-RPC route (a proxy's HTML 502, a redirect to
/// <c>/web/login</c>), or a body that is not JSON. <see cref="Reason"/> is <c>http_STATUS</c>, or
/// <c>invalid_response</c> / <c>response_too_large</c> for a 2xx answer that could not be read.
/// </summary>
public sealed class OdooHttpException : OdooException
{
    internal OdooHttpException(int statusCode, string reason, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    public override string Reason { get; }

    internal static string ReasonFor(int statusCode) =>
        statusCode is >= 100 and <= 599 ? $"http_{statusCode}" : "http_error";
}

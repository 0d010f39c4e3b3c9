namespace OdooPerf.Odoo.Rpc;

/// <summary>One HTTP response as read: status, media type and the body bytes.</summary>
internal readonly record struct HttpAnswer(int StatusCode, string? MediaType, byte[] Buffer, int Length)
{
    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    public ReadOnlyMemory<byte> Body => Buffer.AsMemory(0, Length);
}

namespace OdooPerf.Odoo.Rpc;

/// <summary>How an <see cref="OdooClient"/> connects. The defaults are what the web client does.</summary>
public sealed class OdooClientOptions
{
    /// <summary>Largest response body read; a larger one fails with <c>response_too_large</c>.</summary>
    public const int DefaultMaxResponseBytes = 64 * 1024 * 1024;

    public OdooProtocol Protocol { get; init; } = OdooProtocol.WebSession;

    /// <summary>
    /// Odoo's root URL (a path such as <c>https://host/odoo/</c> is kept); when null, the <see cref="HttpClient.BaseAddress"/>
    /// of the client given to <see cref="OdooClient"/>.
    /// </summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>
    /// The server's major version, when known: saves the <c>version_info</c> request that the protocols without a web
    /// login (which reports it) make before the first version-dependent helper.
    /// </summary>
    public int? ServerMajorVersion { get; init; }

    public int MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary>Longest server message kept in an exception's message.</summary>
    public int MaxMessageLength { get; init; } = 500;

    /// <summary>Longest server traceback kept in <see cref="OdooRpcException.Debug"/>.</summary>
    public int MaxDebugLength { get; init; } = 8000;

    internal void Validate()
    {
        if (!Enum.IsDefined(Protocol))
        {
            throw new ArgumentOutOfRangeException(nameof(Protocol), Protocol, "unknown protocol");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxResponseBytes, 1024, nameof(MaxResponseBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageLength, 16, nameof(MaxMessageLength));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDebugLength, nameof(MaxDebugLength));
        if (ServerMajorVersion is < 8 or > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(ServerMajorVersion), ServerMajorVersion, "not an Odoo major version");
        }
    }
}

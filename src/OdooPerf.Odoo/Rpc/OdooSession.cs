using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>What a login established.</summary>
/// <param name="Uid">The user's id; null on JSON-2 when the server does not say.</param>
/// <param name="Protocol">The protocol in use (never <see cref="OdooProtocol.Auto"/>).</param>
/// <param name="ServerVersion">The server's version when known.</param>
/// <param name="UserContext">The user's context (<c>lang</c>, <c>tz</c>, <c>uid</c>...), sent with every call; JSON <c>null</c> when none.</param>
/// <param name="Response">The login call itself: its result (the session info) and its bytes.</param>
public sealed record OdooSession(
    long? Uid,
    string Database,
    string Login,
    OdooProtocol Protocol,
    OdooServerVersion? ServerVersion,
    JsonElement UserContext,
    OdooResponse Response);

using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// What a login established, replaced whole by the next login. <see cref="Generation"/> lets concurrent calls that all
/// saw the same session expire log in again only once.
/// </summary>
internal sealed record SessionState(int Generation, long? Uid, JsonElement UserContext, OdooServerVersion? Version, JsonElement Info);

using System.Text.Json.Nodes;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// One ORM call, described once for every protocol. The web and <c>/jsonrpc</c> protocols send
/// <c>args = [Ids, ...Args]</c> (or <c>Args</c> alone when <see cref="Ids"/> is null, for <c>@api.model</c> methods) and
/// <c>kwargs = Kwargs + {context}</c>. JSON-2 has named arguments only: it sends <c>{ids, context, ...Kwargs}</c> and
/// needs <see cref="ArgNames"/> to name any positional <see cref="Args"/>.
/// </summary>
/// <remarks>
/// The client only reads the JSON nodes given here (it writes them out, never attaches them elsewhere), so one node can
/// be reused across calls and users, as long as nothing modifies it meanwhile.
/// </remarks>
public sealed record OdooCall(string Model, string Method)
{
    /// <summary>The records the method runs on; null for a model-level method.</summary>
    public IReadOnlyList<long>? Ids { get; init; }

    /// <summary>Positional arguments after the ids.</summary>
    public JsonArray? Args { get; init; }

    /// <summary>The Python parameter names of <see cref="Args"/>, for JSON-2 (for example <c>vals</c> for <c>write</c>).</summary>
    public IReadOnlyList<string>? ArgNames { get; init; }

    /// <summary>Keyword arguments; a <c>context</c> in here is merged like <see cref="Context"/>.</summary>
    public JsonObject? Kwargs { get; init; }

    /// <summary>Context for this call, over the user's context (its keys win).</summary>
    public JsonObject? Context { get; init; }
}

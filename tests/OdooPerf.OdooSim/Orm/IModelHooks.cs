using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// Model-specific behaviour around the generic create/write/unlink: names from sequences, values derived
/// from others (a line's price from its product), totals recomputed after a change, deletions refused.
/// </summary>
internal interface IModelHooks
{
    /// <summary>Adds defaults that depend on the database or the context (a wizard's records from <c>active_ids</c>).</summary>
    ValueTask CompleteDefaultsAsync(Env env, ModelDef model, JsonObject defaults) => ValueTask.CompletedTask;

    /// <summary>Completes the values of a record about to be created (defaults are already applied).</summary>
    ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values) => ValueTask.CompletedTask;

    /// <summary>Completes the values of a write (e.g. derived fields of a changed product).</summary>
    ValueTask BeforeWriteAsync(Env env, ModelDef model, int[] ids, JsonObject values) => ValueTask.CompletedTask;

    /// <summary>After records were created or written: recompute what depends on <paramref name="changed"/>.</summary>
    ValueTask AfterChangeAsync(Env env, ModelDef model, int[] ids, IReadOnlyCollection<string> changed) => ValueTask.CompletedTask;

    /// <summary>Refuses a deletion with an Odoo error, or prepares it.</summary>
    ValueTask BeforeUnlinkAsync(Env env, ModelDef model, int[] ids) => ValueTask.CompletedTask;
}

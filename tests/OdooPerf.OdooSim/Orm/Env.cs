using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Data;

namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// What a model method runs with, like Odoo's <c>self.env</c>: the cursor, the user, the context, and the
/// simulator's registry and ORM. <see cref="WithContext"/> makes a copy for <c>with_context</c>.
/// </summary>
internal sealed class Env
{
    public required Cursor Cr { get; init; }

    public required Registry Registry { get; init; }

    public required OrmService Orm { get; init; }

    public required SimRuntime Runtime { get; init; }

    public required int Uid { get; init; }

    public required int CompanyId { get; init; }

    public required JsonObject Context { get; init; }

    public DateTime Now => Runtime.UtcNow();

    public bool ContextFlag(string key) => Values.IsTruthy(Context[key]);

    public Env WithContext(JsonObject extra)
    {
        var context = (JsonObject)Context.DeepClone();
        foreach (var (key, value) in extra)
        {
            context[key] = value?.DeepClone();
        }

        return new Env { Cr = Cr, Registry = Registry, Orm = Orm, Runtime = Runtime, Uid = Uid, CompanyId = CompanyId, Context = context };
    }

    public DefaultContext DefaultContext() => new(Uid, CompanyId, Context, Now);

    public ModelDef Model(string name) => Registry[name];
}

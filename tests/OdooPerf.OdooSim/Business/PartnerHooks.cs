using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Business;

/// <summary>res.partner's stored <c>complete_name</c> ("Company, Person" for a contact of a company).</summary>
internal sealed class PartnerHooks : IModelHooks
{
    public ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values)
    {
        values["complete_name"] = values["name"]?.DeepClone();
        return ValueTask.CompletedTask;
    }

    public async ValueTask AfterChangeAsync(Env env, ModelDef model, int[] ids, IReadOnlyCollection<string> changed)
    {
        if (changed.Contains("name") || changed.Contains("parent_id"))
        {
            await env.Cr.ExecuteAsync("""
                UPDATE "res_partner" p SET "complete_name" = CASE WHEN p."parent_id" IS NOT NULL AND NOT p."is_company"
                  THEN (SELECT c."name" FROM "res_partner" c WHERE c.id = p."parent_id") || ', ' || COALESCE(p."name", '') ELSE p."name" END
                WHERE p.id = ANY($1)
                """, ids).ConfigureAwait(false);
        }
    }
}

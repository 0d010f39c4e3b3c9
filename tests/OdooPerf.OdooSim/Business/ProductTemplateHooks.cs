using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Business;

/// <summary>
/// product.template as Odoo keeps its single variant: a new template gets its product.product (Odoo's
/// <c>_create_variant_ids</c>), and the internal reference and the archived flag written on the template reach the
/// variant (the template's <c>default_code</c> is an inverse onto its variant). Product > Create in the web client,
/// and <c>odooperf-load seed</c>, create templates. Deleting a template deletes its variant first, refused as Odoo
/// refuses it when documents use the variant.
/// </summary>
internal sealed class ProductTemplateHooks : IModelHooks
{
    // 16/17: type is computed (stored) from detailed_type, which is what the form edits (product_template.py _compute_type).
    public ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values)
    {
        FollowDetailedType(env, values);
        return ValueTask.CompletedTask;
    }

    public ValueTask BeforeWriteAsync(Env env, ModelDef model, int[] ids, JsonObject values)
    {
        FollowDetailedType(env, values);
        return ValueTask.CompletedTask;
    }

    private static void FollowDetailedType(Env env, JsonObject values)
    {
        if (env.Runtime.Schema.Has("product.template", "detailed_type") && Values.IsString(values["detailed_type"]))
        {
            values["type"] = values["detailed_type"]!.GetValue<string>();
        }
    }

    public async ValueTask AfterChangeAsync(Env env, ModelDef model, int[] ids, IReadOnlyCollection<string> changed)
    {
        await env.Cr.ExecuteAsync("""
            INSERT INTO "product_product" ("product_tmpl_id", "default_code", "active", "create_uid", "create_date", "write_uid", "write_date")
            SELECT t.id, t."default_code", COALESCE(t."active", TRUE), $2, $3, $2, $3 FROM "product_template" t
            WHERE t.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM "product_product" p WHERE p."product_tmpl_id" = t.id)
            """, ids, env.Uid, env.Now).ConfigureAwait(false);
        if (changed.Contains("default_code") || changed.Contains("active"))
        {
            await env.Cr.ExecuteAsync("""
                UPDATE "product_product" p SET "default_code" = t."default_code", "active" = COALESCE(t."active", TRUE)
                FROM "product_template" t WHERE p."product_tmpl_id" = t.id AND t.id = ANY($1)
                """, ids).ConfigureAwait(false);
        }
    }

    public async ValueTask BeforeUnlinkAsync(Env env, ModelDef model, int[] ids) =>
        await env.Cr.ExecuteAsync("DELETE FROM \"product_product\" WHERE \"product_tmpl_id\" = ANY($1)", ids).ConfigureAwait(false);
}

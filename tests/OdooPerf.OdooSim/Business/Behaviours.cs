using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Business;

/// <summary>Wires the generic ORM methods and every model's business behaviour into one method table.</summary>
internal static class Behaviours
{
    public static (OrmService Orm, MethodTable Methods) Build(Registry registry)
    {
        var hooks = new Dictionary<string, IModelHooks>(StringComparer.Ordinal)
        {
            ["res.partner"] = new PartnerHooks(),
            ["product.template"] = new ProductTemplateHooks(),
        };
        var table = new MethodTable();
        SaleFlow.Register(table, hooks);
        StockFlow.Register(table, hooks);
        InvoiceFlow.Register(table, hooks);
        PaymentFlow.Register(table, hooks);
        PurchaseFlow.Register(table, hooks);
        CrmFlow.Register(table, hooks);

        // The web client asks for group membership when it starts; every simulated user has every group.
        table.Model("res.users", "has_group", MethodKind.Model, c =>
        {
            c.Args.Bind("group_ext_id!");
            return Task.FromResult<JsonNode?>(true);
        }, maxMajor: 17);
        table.Model("res.users", "has_group", MethodKind.Multi, c =>
        {
            c.Args.Bind("group_ext_id!");
            return Task.FromResult<JsonNode?>(true);
        }, minMajor: 18);

        // res.users.context_get (odoo/addons/base/models/res_users.py): the user's context; what a JSON-2 client calls to check its key.
        table.Model("res.users", "context_get", MethodKind.Model, async c =>
        {
            c.Args.Bind();
            var user = (await c.Env.Cr.QueryAsync("SELECT \"lang\", \"tz\" FROM \"res_users\" WHERE id = $1", c.Env.Uid).ConfigureAwait(false)).FirstOrDefault();
            return new JsonObject { ["lang"] = (string?)user?[0] ?? "en_US", ["tz"] = (string?)user?[1] ?? "Europe/Brussels", ["uid"] = c.Env.Uid };
        });

        var orm = new OrmService(registry, hooks);
        new GenericMethods(orm, new ReadGroupService(orm)).Register(table);
        return (orm, table);
    }
}

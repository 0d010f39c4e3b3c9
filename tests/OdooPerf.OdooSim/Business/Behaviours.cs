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

        var orm = new OrmService(registry, hooks);
        new GenericMethods(orm, new ReadGroupService(orm)).Register(table);
        return (orm, table);
    }
}

using OdooPerf.LoadTests.Schema;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// The transfer form the delivery, receipt and internal transfer steps read, shared by the scenarios that touch
/// stock: its operations list is <c>move_ids_without_package</c> up to 18 and <c>move_ids</c> in 19, and a move's done
/// quantity is <c>quantity</c> from 17 and <c>quantity_done</c> in 16 (<see cref="OdooPerf.Odoo.Schema.OdooFieldRenames"/>).
/// </summary>
internal static class StockForms
{
    /// <summary>The name of a transfer's operations (its stock moves) on this server.</summary>
    public static string Moves(ScenarioFields fields) => fields.Name("stock.picking", "move_ids_without_package");

    /// <summary>A delivery's or receipt's form: header, partner, and its moves with demand, done quantity and state.</summary>
    public static OdooSpecification Picking(ScenarioFields fields) =>
        fields.Spec("stock.picking", s => s.Fields("name", "state", "scheduled_date", "origin")
            .Field("partner_id", f => f.Fields("display_name"))
            .Field("move_ids_without_package", f => f.Fields("product_uom_qty", "quantity", "state").Field("product_id", p => p.Fields("display_name"))));
}

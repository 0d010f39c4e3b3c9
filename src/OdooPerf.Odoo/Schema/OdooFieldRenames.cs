namespace OdooPerf.Odoo.Schema;

/// <summary>
/// The known renames of the fields the load scenarios use, in one place per version, each with the file of that
/// release's source tree that defines the new name. The scenarios are written with Odoo 17's names; the preflight
/// asks the server which fields it has (<c>fields_get</c>) and takes a name from here only when the server lacks the
/// 17 name and has this one, so a server is followed even when it differs from its version's usual schema.
/// Fields a release removed without a replacement (<c>res.partner.mobile</c> in 19) are not here: the scenarios
/// read them as optional and leave them out where the server has none.
/// </summary>
public static class OdooFieldRenames
{
    /// <summary>Odoo 16.0: the names before 17's changes.</summary>
    public static readonly IReadOnlyList<OdooFieldRename> Odoo16 =
    [
        // 17 merged quantity_done and reserved_availability into quantity.
        new(16, "stock.move", "quantity", "quantity_done", "addons/stock/models/stock_move.py"),
    ];

    /// <summary>Odoo 19.0: the unit and tax fields of order lines renamed like account.move.line's; moves of a picking without the package split.</summary>
    public static readonly IReadOnlyList<OdooFieldRename> Odoo19 =
    [
        new(19, "sale.order.line", "product_uom", "product_uom_id", "addons/sale/models/sale_order_line.py"),
        new(19, "sale.order.line", "tax_id", "tax_ids", "addons/sale/models/sale_order_line.py"),
        new(19, "purchase.order.line", "product_uom", "product_uom_id", "addons/purchase/models/purchase_order_line.py"),
        new(19, "purchase.order.line", "taxes_id", "tax_ids", "addons/purchase/models/purchase_order_line.py"),
        new(19, "stock.picking", "move_ids_without_package", "move_ids", "addons/stock/models/stock_picking.py"),
    ];

    /// <summary>Every version's renames.</summary>
    public static readonly IReadOnlyList<OdooFieldRename> All = [.. Odoo16, .. Odoo19];

    /// <summary>The other names <paramref name="field"/> of <paramref name="model"/> has had, newest release first.</summary>
    public static IEnumerable<string> Alternatives(string model, string field) =>
        All.Where(r => r.Model == model && r.Field == field).OrderByDescending(r => r.Version).Select(r => r.Name);
}

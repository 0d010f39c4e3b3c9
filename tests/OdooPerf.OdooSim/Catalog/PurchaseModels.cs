using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Catalog;

/// <summary>Models of <c>purchase</c> (with what <c>purchase_stock</c> adds), Odoo 17 names.</summary>
internal static class PurchaseModels
{
    public static readonly (string, string)[] OrderStates =
        [("draft", "RFQ"), ("sent", "RFQ Sent"), ("to approve", "To Approve"), ("purchase", "Purchase Order"), ("done", "Locked"), ("cancel", "Cancelled")];

    public static IEnumerable<ModelDef> All()
    {
        yield return new ModelBuilder("purchase.order", "purchase_order", "Purchase Order", "purchase")
            .Order("priority desc, id desc")
            .Char("name", "Order Reference", required: true)
            .Selection("priority", "Priority", ("0", "Normal"), ("1", "Urgent"))
            .Many2one("partner_id", "res.partner", "Vendor", required: true)
            .Char("partner_ref", "Vendor Reference")
            .Datetime("date_order", "Order Deadline")
            .Datetime("date_approve", "Confirmation Date")
            .Datetime("date_planned", "Expected Arrival")
            .Selection("state", "Status", OrderStates)
            .Many2one("user_id", "res.users", "Buyer")
            .Many2one("company_id", "res.company", "Company", required: true)
            .Char("origin", "Source Document")
            .Html("notes", "Terms and Conditions")
            .Money("amount_untaxed", "Untaxed Amount", @readonly: true)
            .Money("amount_tax", "Taxes", @readonly: true)
            .Money("amount_total", "Total", @readonly: true)
            .Selection("invoice_status", "Billing Status", ("no", "Nothing to Bill"), ("to invoice", "Waiting Bills"), ("invoiced", "Fully Billed"))
            .Selection("receipt_status", "Receipt Status", ("pending", "Not Received"), ("partial", "Partially Received"), ("full", "Fully Received"))
            .One2many("order_line", "purchase.order.line", "order_id", "Order Lines")
            .One2many("picking_ids", "stock.picking", "purchase_id", "Receptions")
            .Computed("incoming_picking_count", FieldType.Integer, "Incoming Shipment count", "(SELECT count(*) FROM \"stock_picking\" p WHERE p.\"purchase_id\" = {0}.id)")
            .ComputedMany2many("invoice_ids", "account.move", "Bills",
                "SELECT DISTINCT pol.\"order_id\", aml.\"move_id\" FROM \"purchase_order_line\" pol JOIN \"account_move_line\" aml ON aml.\"purchase_line_id\" = pol.id WHERE pol.\"order_id\" = ANY($1) ORDER BY 2")
            .Computed("invoice_count", FieldType.Integer, "Bill Count",
                "(SELECT count(DISTINCT aml.\"move_id\") FROM \"purchase_order_line\" pol JOIN \"account_move_line\" aml ON aml.\"purchase_line_id\" = pol.id WHERE pol.\"order_id\" = {0}.id)")
            .Default("state", "draft")
            .Default("priority", "0")
            .Default("invoice_status", "no")
            .Default("date_order", c => Values.Datetime(c.Now))
            .Default("user_id", c => c.Uid)
            .Default("company_id", c => c.CompanyId)
            .Default("name", "New")
            .Build();

        yield return new ModelBuilder("purchase.order.line", "purchase_order_line", "Purchase Order Line", "purchase")
            .Order("order_id, sequence, id")
            .Many2one("order_id", "purchase.order", "Order Reference", required: true, onDelete: "cascade")
            .Int("sequence", "Sequence")
            .Many2one("product_id", "product.product", "Product")
            .Text("name", "Description")
            .Float("product_qty", "Quantity")
            .Many2one("product_uom", "uom.uom", "Unit of Measure")
            .Float("price_unit", "Unit Price")
            .Many2many("taxes_id", "account.tax", "Taxes", "account_tax_purchase_order_line_rel", "purchase_order_line_id", "account_tax_id")
            .Money("price_subtotal", "Subtotal", @readonly: true)
            .Money("price_tax", "Tax", @readonly: true)
            .Money("price_total", "Total", @readonly: true)
            .Float("qty_received", "Received Qty")
            .Float("qty_invoiced", "Billed Qty", @readonly: true)
            .Datetime("date_planned", "Expected Arrival")
            .Selection("display_type", "Display Type", ("line_section", "Section"), ("line_note", "Note"))
            .Many2one("company_id", "res.company", "Company")
            .Related("partner_id", FieldType.Many2one, "Partner", "order_id", "purchase_order", "partner_id", relation: "res.partner")
            .Related("state", FieldType.Selection, "Status", "order_id", "purchase_order", "state", selection: OrderStates)
            .One2many("move_ids", "stock.move", "purchase_line_id", "Reservation")
            .Default("sequence", 10)
            .Default("product_qty", 1.0)
            .Default("qty_received", 0.0)
            .Default("qty_invoiced", 0.0)
            .Build();
    }
}

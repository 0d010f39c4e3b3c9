using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Catalog;

/// <summary>Models of <c>sale</c> (with the fields <c>sale_stock</c> and <c>sale_crm</c> add), Odoo 17 names.</summary>
internal static class SaleModels
{
    public static readonly (string, string)[] OrderStates = [("draft", "Quotation"), ("sent", "Quotation Sent"), ("sale", "Sales Order"), ("cancel", "Cancelled")];

    public static readonly (string, string)[] InvoiceStatus =
        [("upselling", "Upselling Opportunity"), ("invoiced", "Fully Invoiced"), ("to invoice", "To Invoice"), ("no", "Nothing to Invoice")];

    public static IEnumerable<ModelDef> All()
    {
        yield return new ModelBuilder("sale.order", "sale_order", "Sales Order", "sale")
            .Order("date_order desc, id desc")
            .Char("name", "Order Reference", required: true)
            .Many2one("partner_id", "res.partner", "Customer", required: true)
            .Many2one("partner_invoice_id", "res.partner", "Invoice Address")
            .Many2one("partner_shipping_id", "res.partner", "Delivery Address")
            .Datetime("date_order", "Order Date")
            .Date("validity_date", "Expiration")
            .Datetime("commitment_date", "Delivery Date")
            .Selection("state", "Status", OrderStates)
            .Bool("locked", "Locked")
            .Many2one("user_id", "res.users", "Salesperson")
            .Many2one("company_id", "res.company", "Company", required: true)
            // Odoo takes it from the pricelist, else the company; the simulator has no pricelists.
            .Related("currency_id", FieldType.Many2one, "Currency", "company_id", "res_company", "currency_id", relation: "res.currency")
            .Char("client_order_ref", "Customer Reference")
            .Char("origin", "Source Document")
            .Html("note", "Terms and conditions")
            .Money("amount_untaxed", "Untaxed Amount", @readonly: true)
            .Money("amount_tax", "Taxes", @readonly: true)
            .Money("amount_total", "Total", @readonly: true)
            .Selection("invoice_status", "Invoice Status", InvoiceStatus)
            .One2many("order_line", "sale.order.line", "order_id", "Order Lines")
            .One2many("picking_ids", "stock.picking", "sale_id", "Transfers")
            .Computed("delivery_count", FieldType.Integer, "Delivery Orders", "(SELECT count(*) FROM \"stock_picking\" p WHERE p.\"sale_id\" = {0}.id)")
            .ComputedMany2many("invoice_ids", "account.move", "Invoices",
                "SELECT DISTINCT sol.\"order_id\", aml.\"move_id\" FROM \"sale_order_line\" sol JOIN \"sale_order_line_invoice_rel\" r ON r.\"order_line_id\" = sol.id JOIN \"account_move_line\" aml ON aml.id = r.\"invoice_line_id\" WHERE sol.\"order_id\" = ANY($1) ORDER BY 2")
            .Computed("invoice_count", FieldType.Integer, "Invoice Count",
                "(SELECT count(DISTINCT aml.\"move_id\") FROM \"sale_order_line\" sol JOIN \"sale_order_line_invoice_rel\" r ON r.\"order_line_id\" = sol.id JOIN \"account_move_line\" aml ON aml.id = r.\"invoice_line_id\" WHERE sol.\"order_id\" = {0}.id)")
            .Many2one("opportunity_id", "crm.lead", "Opportunity")
            .Many2one("warehouse_id", "stock.warehouse", "Warehouse")
            .Default("state", "draft")
            .Default("locked", false)
            .Default("invoice_status", "no")
            .Default("date_order", c => Values.Datetime(c.Now))
            .Default("user_id", c => c.Uid)
            .Default("company_id", c => c.CompanyId)
            .Default("name", "New")
            .Build();

        yield return new ModelBuilder("sale.order.line", "sale_order_line", "Sales Order Line", "sale")
            .Order("order_id, sequence, id")
            .DisplayName("(SELECT o.\"name\" FROM \"sale_order\" o WHERE o.id = {0}.\"order_id\") || ' - ' || COALESCE({0}.\"name\", '')")
            .Many2one("order_id", "sale.order", "Order Reference", required: true, onDelete: "cascade")
            .Int("sequence", "Sequence")
            .Many2one("product_id", "product.product", "Product")
            .Many2one("product_template_id", "product.template", "Product Template")
            .Text("name", "Description")
            .Float("product_uom_qty", "Quantity")
            .Many2one("product_uom", "uom.uom", "Unit of Measure")
            .Float("price_unit", "Unit Price")
            .Float("discount", "Discount (%)")
            .Many2many("tax_id", "account.tax", "Taxes", "account_tax_sale_order_line_rel", "sale_order_line_id", "account_tax_id")
            .Money("price_subtotal", "Subtotal", @readonly: true)
            .Money("price_tax", "Total Tax", @readonly: true)
            .Money("price_total", "Total", @readonly: true)
            .Float("qty_delivered", "Delivery Quantity")
            .Float("qty_invoiced", "Invoiced Quantity", @readonly: true)
            .Float("qty_to_invoice", "Quantity To Invoice", @readonly: true)
            .Selection("invoice_status", "Invoice Status", InvoiceStatus)
            .Selection("display_type", "Display Type", ("line_section", "Section"), ("line_note", "Note"))
            .Float("customer_lead", "Lead Time")
            .Many2one("company_id", "res.company", "Company")
            .Related("state", FieldType.Selection, "Order Status", "order_id", "sale_order", "state", selection: OrderStates)
            .Related("order_partner_id", FieldType.Many2one, "Customer", "order_id", "sale_order", "partner_id", relation: "res.partner")
            .Many2many("invoice_lines", "account.move.line", "Invoice Lines", "sale_order_line_invoice_rel", "order_line_id", "invoice_line_id")
            .One2many("move_ids", "stock.move", "sale_line_id", "Stock Moves")
            .Default("sequence", 10)
            .Default("product_uom_qty", 1.0)
            .Default("discount", 0.0)
            .Default("qty_delivered", 0.0)
            .Default("qty_invoiced", 0.0)
            .Default("qty_to_invoice", 0.0)
            .Default("customer_lead", 0.0)
            .Default("invoice_status", "no")
            .Build();

        yield return new ModelBuilder("sale.advance.payment.inv", "sale_advance_payment_inv", "Sales Advance Payment Invoice", "sale")
            .Transient()
            .DisplayName("'sale.advance.payment.inv,' || {0}.id")
            .Selection("advance_payment_method", "Create Invoice", ("delivered", "Regular invoice"), ("percentage", "Down payment (percentage)"), ("fixed", "Down payment (fixed amount)"))
            .Many2many("sale_order_ids", "sale.order", "Sale Orders", "sale_advance_payment_inv_sale_order_rel", "sale_advance_payment_inv_id", "sale_order_id")
            .Float("amount", "Down Payment")
            .Money("fixed_amount", "Down Payment Amount (Fixed)")
            .Bool("deduct_down_payments", "Deduct down payments")
            .Bool("consolidated_billing", "Consolidated Billing")
            .Many2one("company_id", "res.company", "Company")
            .Default("advance_payment_method", "delivered")
            .Default("deduct_down_payments", true)
            .Default("consolidated_billing", true)
            .Default("company_id", c => c.CompanyId)
            .Build();
    }
}

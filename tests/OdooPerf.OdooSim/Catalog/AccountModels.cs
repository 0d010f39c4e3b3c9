using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Catalog;

/// <summary>Models of <c>account</c>, Odoo 17 names, and the community "Invoice Analysis" report view.</summary>
internal static class AccountModels
{
    public static readonly (string, string)[] MoveTypes =
    [
        ("entry", "Journal Entry"), ("out_invoice", "Customer Invoice"), ("out_refund", "Customer Credit Note"), ("in_invoice", "Vendor Bill"),
        ("in_refund", "Vendor Credit Note"), ("out_receipt", "Sales Receipt"), ("in_receipt", "Purchase Receipt"),
    ];

    public static readonly (string, string)[] MoveStates = [("draft", "Draft"), ("posted", "Posted"), ("cancel", "Cancelled")];

    public static readonly (string, string)[] PaymentStates =
    [
        ("not_paid", "Not Paid"), ("in_payment", "In Payment"), ("paid", "Paid"), ("partial", "Partially Paid"), ("reversed", "Reversed"),
        ("invoicing_legacy", "Invoicing App Legacy"),
    ];

    public static readonly (string, string)[] AccountTypes =
    [
        ("asset_receivable", "Receivable"), ("asset_cash", "Bank and Cash"), ("asset_current", "Current Assets"), ("liability_payable", "Payable"),
        ("liability_current", "Current Liabilities"), ("equity", "Equity"), ("income", "Income"), ("expense", "Expenses"),
    ];

    public static IEnumerable<ModelDef> All()
    {
        yield return new ModelBuilder("account.account", "account_account", "Account", "account")
            .Order("code, company_id")
            .DisplayName("{0}.\"code\" || ' ' || {0}.\"name\"", recName: "name")
            .Char("name", "Account Name", required: true)
            .Char("code", "Code", required: true)
            .Selection("account_type", "Type", AccountTypes)
            .Bool("reconcile", "Allow Reconciliation")
            .Bool("deprecated", "Deprecated")
            .Many2one("company_id", "res.company", "Company")
            .Default("reconcile", false)
            .Default("deprecated", false)
            .Build();

        yield return new ModelBuilder("account.journal", "account_journal", "Journal", "account")
            .Order("sequence, type, code")
            .Char("name", "Journal Name", required: true)
            .Char("code", "Short Code", required: true)
            .Selection("type", "Type", ("sale", "Sales"), ("purchase", "Purchase"), ("cash", "Cash"), ("bank", "Bank"), ("general", "Miscellaneous"))
            .Int("sequence", "Sequence")
            .Many2one("default_account_id", "account.account", "Default Account")
            .Many2one("company_id", "res.company", "Company")
            .Bool("active", "Active")
            .Default("active", true)
            .Build();

        yield return new ModelBuilder("account.tax", "account_tax", "Tax", "account")
            .Order("sequence, id")
            .Char("name", "Tax Name", required: true)
            .Int("sequence", "Sequence")
            .Float("amount", "Amount")
            .Selection("amount_type", "Tax Computation", ("percent", "Percentage of Price"), ("fixed", "Fixed"))
            .Selection("type_tax_use", "Tax Type", ("sale", "Sales"), ("purchase", "Purchases"), ("none", "None"))
            .Many2one("company_id", "res.company", "Company")
            .Bool("active", "Active")
            .Default("active", true)
            .Default("amount_type", "percent")
            .Build();

        yield return new ModelBuilder("account.move", "account_move", "Journal Entry", "account")
            .Order("date desc, name desc, id desc")
            .DisplayName(
                "CASE WHEN {0}.\"state\" = 'draft' AND ({0}.\"name\" IS NULL OR {0}.\"name\" = '/') THEN " +
                "(CASE {0}.\"move_type\" WHEN 'out_invoice' THEN 'Draft Invoice' WHEN 'out_refund' THEN 'Draft Credit Note' WHEN 'in_invoice' THEN 'Draft Bill' " +
                "WHEN 'in_refund' THEN 'Draft Vendor Credit Note' ELSE 'Draft Entry' END) || ' (* ' || {0}.id || ')' ELSE {0}.\"name\" END")
            .Char("name", "Number")
            .Char("ref", "Reference")
            .Date("date", "Date")
            .Date("invoice_date", "Invoice/Bill Date")
            .Date("invoice_date_due", "Due Date")
            .Selection("move_type", "Type", MoveTypes)
            .Selection("state", "Status", MoveStates)
            .Many2one("journal_id", "account.journal", "Journal", required: true)
            .Many2one("partner_id", "res.partner", "Partner")
            .Many2one("company_id", "res.company", "Company")
            .Money("amount_untaxed", "Untaxed Amount", @readonly: true)
            .Money("amount_tax", "Tax", @readonly: true)
            .Money("amount_total", "Total", @readonly: true)
            .Money("amount_residual", "Amount Due", @readonly: true)
            .Computed("amount_total_signed", FieldType.Monetary, "Total Signed",
                "(CASE WHEN {0}.\"move_type\" IN ('in_invoice', 'out_refund', 'in_receipt') THEN -{0}.\"amount_total\" ELSE {0}.\"amount_total\" END)")
            .Selection("payment_state", "Payment Status", PaymentStates)
            .Char("invoice_origin", "Origin")
            .Many2one("invoice_user_id", "res.users", "Salesperson")
            .Html("narration", "Terms and Conditions")
            .Many2one("payment_id", "account.payment", "Payment")
            .One2many("line_ids", "account.move.line", "move_id", "Journal Items")
            .One2many("invoice_line_ids", "account.move.line", "move_id", "Invoice lines", filter: "{0}.\"display_type\" IN ('product', 'line_section', 'line_note')")
            .Default("state", "draft")
            .Default("name", "/")
            .Default("move_type", "entry")
            .Default("payment_state", "not_paid")
            .Default("date", c => Values.Date(c.Now))
            .Default("company_id", c => c.CompanyId)
            .Build();

        yield return new ModelBuilder("account.move.line", "account_move_line", "Journal Item", "account")
            .Order("date desc, move_name desc, id")
            .DisplayName("COALESCE({0}.\"move_name\", '') || COALESCE(' ' || {0}.\"name\", '')")
            .Many2one("move_id", "account.move", "Journal Entry", required: true, onDelete: "cascade")
            .Char("move_name", "Number")
            .Date("date", "Date")
            .Many2one("journal_id", "account.journal", "Journal")
            .Many2one("company_id", "res.company", "Company")
            .Many2one("account_id", "account.account", "Account")
            .Related("account_type", FieldType.Selection, "Internal Type", "account_id", "account_account", "account_type", selection: AccountTypes)
            .Related("parent_state", FieldType.Selection, "Status", "move_id", "account_move", "state", selection: MoveStates)
            .Related("move_type", FieldType.Selection, "Type", "move_id", "account_move", "move_type", selection: MoveTypes)
            .Many2one("partner_id", "res.partner", "Partner")
            .Char("name", "Label")
            .Many2one("product_id", "product.product", "Product")
            .Many2one("product_uom_id", "uom.uom", "Unit of Measure")
            .Float("quantity", "Quantity")
            .Float("price_unit", "Unit Price")
            .Float("discount", "Discount (%)")
            .Many2many("tax_ids", "account.tax", "Taxes", "account_move_line_account_tax_rel", "account_move_line_id", "account_tax_id")
            .Money("price_subtotal", "Subtotal", @readonly: true)
            .Money("price_total", "Total", @readonly: true)
            .Money("debit", "Debit")
            .Money("credit", "Credit")
            .Money("balance", "Balance")
            .Money("amount_residual", "Residual Amount", @readonly: true)
            .Bool("reconciled", "Reconciled")
            .Char("matching_number", "Matching")
            .Date("date_maturity", "Due Date")
            .Selection("display_type", "Display Type",
                ("product", "Product"), ("cogs", "Cost of Goods Sold"), ("tax", "Tax"), ("discount", "Discount"), ("rounding", "Rounding"),
                ("payment_term", "Payment Term"), ("line_section", "Section"), ("line_note", "Note"), ("epd", "Early Payment Discount"))
            .Many2many("sale_line_ids", "sale.order.line", "Sales Order Lines", "sale_order_line_invoice_rel", "invoice_line_id", "order_line_id")
            .Many2one("purchase_line_id", "purchase.order.line", "Purchase Order Line")
            .Many2one("payment_id", "account.payment", "Originator Payment")
            .Default("display_type", "product")
            .Default("quantity", 1.0)
            .Default("discount", 0.0)
            .Default("debit", 0.0)
            .Default("credit", 0.0)
            .Default("balance", 0.0)
            .Default("amount_residual", 0.0)
            .Default("reconciled", false)
            .Build();

        yield return new ModelBuilder("account.partial.reconcile", "account_partial_reconcile", "Partial Reconcile", "account")
            .DisplayName("'account.partial.reconcile,' || {0}.id", recName: "id")
            .Many2one("debit_move_id", "account.move.line", "Debit line", required: true, onDelete: "cascade")
            .Many2one("credit_move_id", "account.move.line", "Credit line", required: true, onDelete: "cascade")
            .Money("amount", "Amount")
            .Date("max_date", "Max Date of Matched Lines")
            .Many2one("company_id", "res.company", "Company")
            .Build();

        yield return new ModelBuilder("account.payment", "account_payment", "Payments", "account")
            .Order("date desc, name desc")
            .DisplayName("COALESCE((SELECT m.\"name\" FROM \"account_move\" m WHERE m.id = {0}.\"move_id\"), 'Draft Payment')", recName: "name")
            .Many2one("move_id", "account.move", "Journal Entry", required: true, onDelete: "cascade")
            .Related("name", FieldType.Char, "Number", "move_id", "account_move", "name")
            .Related("date", FieldType.Date, "Date", "move_id", "account_move", "date")
            .Related("state", FieldType.Selection, "Status", "move_id", "account_move", "state", selection: MoveStates)
            .Related("journal_id", FieldType.Many2one, "Journal", "move_id", "account_move", "journal_id", relation: "account.journal")
            .Many2one("partner_id", "res.partner", "Customer/Vendor")
            .Money("amount", "Amount")
            .Selection("payment_type", "Payment Type", ("outbound", "Send"), ("inbound", "Receive"))
            .Selection("partner_type", "Partner Type", ("customer", "Customer"), ("supplier", "Vendor"))
            .Char("ref", "Memo")
            .Bool("is_reconciled", "Is Reconciled")
            .Bool("is_matched", "Is Matched With a Bank Statement")
            .Many2one("company_id", "res.company", "Company")
            .ComputedMany2many("reconciled_invoice_ids", "account.move", "Reconciled Invoices",
                "SELECT DISTINCT p.id, il.\"move_id\" FROM \"account_payment\" p JOIN \"account_move_line\" pl ON pl.\"move_id\" = p.\"move_id\" " +
                "JOIN \"account_partial_reconcile\" pr ON pl.id IN (pr.\"debit_move_id\", pr.\"credit_move_id\") " +
                "JOIN \"account_move_line\" il ON il.id IN (pr.\"debit_move_id\", pr.\"credit_move_id\") AND il.\"move_id\" <> p.\"move_id\" WHERE p.id = ANY($1) ORDER BY 2")
            .Default("is_reconciled", false)
            .Default("is_matched", false)
            .Build();

        yield return new ModelBuilder("account.payment.register", "account_payment_register", "Register Payment", "account")
            .Transient()
            .DisplayName("'account.payment.register,' || {0}.id")
            .Date("payment_date", "Payment Date")
            .Money("amount", "Amount")
            .Char("communication", "Memo")
            .Many2one("journal_id", "account.journal", "Journal")
            .Many2one("partner_id", "res.partner", "Customer/Vendor")
            .Selection("payment_type", "Payment Type", ("outbound", "Send"), ("inbound", "Receive"))
            .Selection("partner_type", "Partner Type", ("customer", "Customer"), ("supplier", "Vendor"))
            .Bool("group_payment", "Group Payments")
            .Many2one("company_id", "res.company", "Company")
            .Many2many("line_ids", "account.move.line", "Journal items", "account_payment_register_move_line_rel", "wizard_id", "line_id")
            .Default("group_payment", true)
            .Default("payment_date", c => Values.Date(c.Now))
            .Build();

        // Community 17's "Invoicing > Reporting > Invoice Analysis" (pivot and graph over read_group); a SQL view like Odoo's.
        yield return new ModelBuilder("account.invoice.report", "account_invoice_report", "Invoices Statistics", "account")
            .View()
            .Order("invoice_date desc")
            .DisplayName("'account.invoice.report,' || {0}.id", recName: "id")
            .Many2one("move_id", "account.move", "Invoice Number")
            .Many2one("journal_id", "account.journal", "Journal")
            .Many2one("company_id", "res.company", "Company")
            .Many2one("partner_id", "res.partner", "Partner")
            .Many2one("commercial_partner_id", "res.partner", "Main Partner")
            .Many2one("invoice_user_id", "res.users", "Salesperson")
            .Selection("move_type", "Type", MoveTypes)
            .Selection("state", "Invoice Status", MoveStates)
            .Selection("payment_state", "Payment Status", PaymentStates)
            .Date("invoice_date", "Invoice Date")
            .Date("invoice_date_due", "Due Date")
            .Many2one("product_id", "product.product", "Product")
            .Many2one("account_id", "account.account", "Revenue/Expense Account")
            .Float("quantity", "Product Quantity")
            .Money("price_subtotal", "Untaxed Total")
            .Money("price_total", "Total in Currency")
            .Float("price_average", "Average Price")
            .Build();
    }

    /// <summary>The view behind <c>account.invoice.report</c>: product lines of invoices and bills.</summary>
    public const string InvoiceReportView = """
        CREATE VIEW "account_invoice_report" AS
        SELECT line.id, line.move_id, move.journal_id, move.company_id, move.partner_id, move.partner_id AS commercial_partner_id,
               move.invoice_user_id, move.move_type, move.state, move.payment_state, move.invoice_date, move.invoice_date_due,
               line.product_id, line.account_id,
               line.quantity * (CASE WHEN move.move_type IN ('in_refund', 'out_refund') THEN -1 ELSE 1 END) AS quantity,
               -line.balance AS price_subtotal,
               -line.balance * (CASE WHEN line.price_subtotal <> 0 THEN line.price_total / line.price_subtotal ELSE 1 END) AS price_total,
               (CASE WHEN line.quantity <> 0 THEN -line.balance / line.quantity ELSE 0 END) AS price_average,
               line.create_uid, line.create_date, line.write_uid, line.write_date
        FROM "account_move_line" line
        JOIN "account_move" move ON move.id = line.move_id
        WHERE move.move_type IN ('out_invoice', 'out_refund', 'in_invoice', 'in_refund')
          AND line.account_id IS NOT NULL AND line.display_type = 'product'
        """;
}

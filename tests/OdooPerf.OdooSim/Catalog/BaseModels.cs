using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Catalog;

/// <summary>Models of <c>base</c>, <c>uom</c> and <c>product</c>, with Odoo 17's table and field names.</summary>
internal static class BaseModels
{
    public static IEnumerable<ModelDef> All()
    {
        yield return new ModelBuilder("res.company", "res_company", "Companies", "base")
            .Order("sequence, name")
            .Char("name", "Company Name", required: true)
            .Int("sequence", "Sequence")
            .Char("email", "Email")
            .Char("phone", "Phone")
            .Many2one("currency_id", "res.currency", "Currency")
            .Many2one("partner_id", "res.partner", "Partner")
            .Bool("stock_move_sms_validation", "SMS Confirmation")
            .Bool("has_received_warning_stock_sms", "Has Received Warning Stock SMS")
            .Default("stock_move_sms_validation", true)
            .Default("has_received_warning_stock_sms", false)
            .Build();

        yield return new ModelBuilder("res.currency", "res_currency", "Currency", "base")
            .Order("active desc, name")
            .Char("name", "Currency", required: true)
            .Char("symbol", "Symbol")
            .Selection("position", "Symbol Position", ("after", "After Amount"), ("before", "Before Amount"))
            .Int("decimal_places", "Decimal Places")
            .Bool("active", "Active")
            .Default("active", true)
            .Build();

        yield return new ModelBuilder("res.country", "res_country", "Country", "base")
            .Order("name, id")
            .Char("name", "Country Name", required: true)
            .Char("code", "Country Code")
            .Build();

        yield return new ModelBuilder("res.partner", "res_partner", "Contact", "base")
            .Order("complete_name, id desc")
            .DisplayName("{0}.\"complete_name\"")
            .Char("name", "Name")
            .Char("complete_name", "Complete Name")
            .Char("email", "Email")
            .Char("phone", "Phone")
            .Char("mobile", "Mobile")
            .Bool("is_company", "Is a Company")
            .Selection("type", "Address Type", ("contact", "Contact"), ("invoice", "Invoice Address"), ("delivery", "Delivery Address"), ("other", "Other Address"))
            .Many2one("parent_id", "res.partner", "Related Company")
            .One2many("child_ids", "res.partner", "parent_id", "Contact")
            .Many2one("country_id", "res.country", "Country")
            .Char("street", "Street")
            .Char("city", "City")
            .Char("zip", "Zip")
            .Char("vat", "Tax ID")
            .Char("ref", "Reference")
            .Char("lang", "Language")
            .Html("comment", "Notes")
            .Int("customer_rank", "Customer Rank")
            .Int("supplier_rank", "Supplier Rank")
            .Many2one("user_id", "res.users", "Salesperson")
            .Many2one("company_id", "res.company", "Company")
            .Bool("active", "Active")
            .Default("active", true)
            .Default("type", "contact")
            .Default("is_company", false)
            .Default("customer_rank", 0)
            .Default("supplier_rank", 0)
            .Default("lang", "en_US")
            .Build();

        yield return new ModelBuilder("res.users", "res_users", "User", "base")
            .Order("name, login")
            .DisplayName("(SELECT p.\"name\" FROM \"res_partner\" p WHERE p.id = {0}.\"partner_id\")", recName: "login")
            .Char("login", "Login", required: true)
            .Many2one("partner_id", "res.partner", "Related Partner", required: true, onDelete: "restrict")
            .Related("name", FieldType.Char, "Name", "partner_id", "res_partner", "name")
            .Related("email", FieldType.Char, "Email", "partner_id", "res_partner", "email")
            .Many2one("company_id", "res.company", "Company", required: true)
            .Char("tz", "Timezone")
            .Char("lang", "Language")
            .Bool("share", "Share User")
            .Bool("active", "Active")
            .Datetime("login_date", "Latest authentication")
            .Default("active", true)
            .Default("share", false)
            .Build();

        // The password hash lives in a column no field exposes (Odoo hides res_users.password the same way).
        yield return new ModelBuilder("res.users.apikeys", "res_users_apikeys", "Users API Keys", "base")
            .Internal()
            .Char("name", "Description")
            .Many2one("user_id", "res.users", "User", required: true, onDelete: "cascade")
            .Char("scope", "Scope")
            .Char("index", "Index")
            .Char("key", "Key")
            .Build();

        yield return new ModelBuilder("res.users.log", "res_users_log", "Users Log", "base")
            .Internal()
            .Build();

        yield return new ModelBuilder("ir.module.module", "ir_module_module", "Module", "base")
            .Order("name")
            .Char("name", "Technical Name", required: true)
            .Char("shortdesc", "Module Name")
            .Char("latest_version", "Latest Version")
            .Bool("application", "Application")
            .Selection("state", "Status", ("uninstallable", "Uninstallable"), ("uninstalled", "Not Installed"), ("installed", "Installed"),
                ("to upgrade", "To be upgraded"), ("to remove", "To be removed"), ("to install", "To be installed"))
            .Build();

        // One row per model of the installed modules, as Odoo's registry writes it: what a client asks to learn
        // which models exist before reading their fields.
        yield return new ModelBuilder("ir.model", "ir_model", "Models", "base")
            .Order("model")
            .Char("name", "Model Description", required: true)
            .Char("model", "Model", required: true)
            .Char("modules", "In Apps")
            .Bool("transient", "Transient Model")
            .Build();

        yield return new ModelBuilder("ir.model.data", "ir_model_data", "Model Data", "base")
            .Order("module, model, name")
            .DisplayName("{0}.\"module\" || '.' || {0}.\"name\"")
            .Char("name", "External Identifier", required: true)
            .Char("module", "Module", required: true)
            .Char("model", "Model Name", required: true)
            .Int("res_id", "Record ID")
            .Build();

        yield return new ModelBuilder("ir.actions.act_window", "ir_act_window", "Action Window", "base")
            .Char("name", "Action Name", required: true)
            .Char("type", "Action Type")
            .Char("res_model", "Destination Model", required: true)
            .Char("view_mode", "View Mode")
            .Text("domain", "Domain Value")
            .Text("context", "Context Value")
            .Char("target", "Target Window")
            .Int("res_id", "Record ID")
            .Int("limit", "Limit")
            .Default("type", "ir.actions.act_window")
            .Default("view_mode", "tree,form")
            .Default("context", "{}")
            .Default("target", "current")
            .Default("limit", 80)
            .Build();

        yield return new ModelBuilder("ir.ui.menu", "ir_ui_menu", "Menu", "base")
            .Order("sequence, id")
            .DisplayName("{0}.\"complete_name\"")
            .Char("name", "Menu", required: true)
            .Char("complete_name", "Full Path")
            .Int("sequence", "Sequence")
            .Many2one("parent_id", "ir.ui.menu", "Parent Menu", onDelete: "restrict")
            .One2many("child_id", "ir.ui.menu", "parent_id", "Child IDs")
            .Char("action", "Action")
            .Char("web_icon", "Web Icon File")
            .Char("xml_id", "External ID")
            .Bool("active", "Active")
            .Default("active", true)
            .Default("sequence", 10)
            .Build();

        yield return new ModelBuilder("uom.uom", "uom_uom", "Product Unit of Measure", "uom")
            .Order("factor desc, id")
            .Char("name", "Unit of Measure", required: true)
            .Float("factor", "Ratio")
            .Float("rounding", "Rounding Precision")
            .Selection("uom_type", "Type", ("bigger", "Bigger than the reference Unit of Measure"), ("reference", "Reference Unit of Measure for this category"), ("smaller", "Smaller than the reference Unit of Measure"))
            .Bool("active", "Active")
            .Default("active", true)
            .Build();

        yield return new ModelBuilder("product.template", "product_template", "Product", "product")
            .Order("priority desc, name")
            .DisplayName("CASE WHEN {0}.\"default_code\" IS NOT NULL THEN '[' || {0}.\"default_code\" || '] ' || {0}.\"name\" ELSE {0}.\"name\" END")
            .Char("name", "Name", required: true)
            .Char("priority", "Favorite")
            .Char("default_code", "Internal Reference")
            .Money("list_price", "Sales Price")
            .Money("standard_price", "Cost")
            .Selection("detailed_type", "Product Type", ProductTypes)
            .Selection("type", "Type", ProductTypes)
            .Selection("invoice_policy", "Invoicing Policy", ("order", "Ordered quantities"), ("delivery", "Delivered quantities"))
            .Selection("purchase_method", "Control Policy", ("purchase", "On ordered quantities"), ("receive", "On received quantities"))
            .Bool("sale_ok", "Can be Sold")
            .Bool("purchase_ok", "Can be Purchased")
            .Text("description_sale", "Sales Description")
            .Many2one("uom_id", "uom.uom", "Unit of Measure")
            .Many2one("company_id", "res.company", "Company")
            .Many2many("taxes_id", "account.tax", "Customer Taxes", "product_taxes_rel", "prod_id", "tax_id")
            .One2many("product_variant_ids", "product.product", "product_tmpl_id", "Products")
            .Computed("qty_available", FieldType.Float, "Quantity On Hand",
                "(SELECT COALESCE(SUM(q.\"quantity\"), 0) FROM \"stock_quant\" q JOIN \"stock_location\" l ON l.id = q.\"location_id\" JOIN \"product_product\" pp ON pp.id = q.\"product_id\" WHERE pp.\"product_tmpl_id\" = {0}.id AND l.\"usage\" = 'internal')")
            .Bool("active", "Active")
            .Default("active", true)
            .Default("priority", "0")
            .Default("detailed_type", "consu")
            .Default("type", "consu")
            .Default("invoice_policy", "order")
            .Default("purchase_method", "receive")
            .Default("sale_ok", true)
            .Default("purchase_ok", true)
            .Default("list_price", 1.0)
            .Default("standard_price", 0.0)
            .Build();

        yield return new ModelBuilder("product.product", "product_product", "Product Variant", "product")
            .Order("default_code, id")
            .DisplayName(
                "(SELECT CASE WHEN {0}.\"default_code\" IS NOT NULL THEN '[' || {0}.\"default_code\" || '] ' || t.\"name\" ELSE t.\"name\" END FROM \"product_template\" t WHERE t.id = {0}.\"product_tmpl_id\")",
                recName: "name")
            .Many2one("product_tmpl_id", "product.template", "Product Template", required: true, onDelete: "cascade")
            .Char("default_code", "Internal Reference")
            .Char("barcode", "Barcode")
            .Bool("active", "Active")
            .Related("name", FieldType.Char, "Name", "product_tmpl_id", "product_template", "name")
            .Related("list_price", FieldType.Monetary, "Sales Price", "product_tmpl_id", "product_template", "list_price")
            .Related("lst_price", FieldType.Monetary, "Sales Price", "product_tmpl_id", "product_template", "list_price")
            .Related("standard_price", FieldType.Monetary, "Cost", "product_tmpl_id", "product_template", "standard_price")
            .Related("detailed_type", FieldType.Selection, "Product Type", "product_tmpl_id", "product_template", "detailed_type", selection: ProductTypes)
            .Related("type", FieldType.Selection, "Type", "product_tmpl_id", "product_template", "type", selection: ProductTypes)
            .Related("invoice_policy", FieldType.Selection, "Invoicing Policy", "product_tmpl_id", "product_template", "invoice_policy")
            .Related("purchase_method", FieldType.Selection, "Control Policy", "product_tmpl_id", "product_template", "purchase_method")
            .Related("sale_ok", FieldType.Boolean, "Can be Sold", "product_tmpl_id", "product_template", "sale_ok")
            .Related("purchase_ok", FieldType.Boolean, "Can be Purchased", "product_tmpl_id", "product_template", "purchase_ok")
            .Related("uom_id", FieldType.Many2one, "Unit of Measure", "product_tmpl_id", "product_template", "uom_id", relation: "uom.uom")
            .Computed("qty_available", FieldType.Float, "Quantity On Hand",
                "(SELECT COALESCE(SUM(q.\"quantity\"), 0) FROM \"stock_quant\" q JOIN \"stock_location\" l ON l.id = q.\"location_id\" WHERE q.\"product_id\" = {0}.id AND l.\"usage\" = 'internal')")
            // Forecast: on hand plus what open moves bring into, minus what they take out of, internal locations.
            .Computed("incoming_qty", FieldType.Float, "Incoming",
                "(SELECT COALESCE(SUM(m.\"product_uom_qty\"), 0) FROM \"stock_move\" m JOIN \"stock_location\" d ON d.id = m.\"location_dest_id\" JOIN \"stock_location\" s ON s.id = m.\"location_id\" WHERE m.\"product_id\" = {0}.id AND m.\"state\" NOT IN ('draft', 'done', 'cancel') AND d.\"usage\" = 'internal' AND s.\"usage\" <> 'internal')")
            .Computed("outgoing_qty", FieldType.Float, "Outgoing",
                "(SELECT COALESCE(SUM(m.\"product_uom_qty\"), 0) FROM \"stock_move\" m JOIN \"stock_location\" d ON d.id = m.\"location_dest_id\" JOIN \"stock_location\" s ON s.id = m.\"location_id\" WHERE m.\"product_id\" = {0}.id AND m.\"state\" NOT IN ('draft', 'done', 'cancel') AND s.\"usage\" = 'internal' AND d.\"usage\" <> 'internal')")
            .Computed("virtual_available", FieldType.Float, "Forecasted Quantity",
                "(SELECT COALESCE(SUM(q.\"quantity\"), 0) FROM \"stock_quant\" q JOIN \"stock_location\" l ON l.id = q.\"location_id\" WHERE q.\"product_id\" = {0}.id AND l.\"usage\" = 'internal')"
                + " + (SELECT COALESCE(SUM(CASE WHEN d.\"usage\" = 'internal' THEN m.\"product_uom_qty\" ELSE -m.\"product_uom_qty\" END), 0) FROM \"stock_move\" m JOIN \"stock_location\" d ON d.id = m.\"location_dest_id\" JOIN \"stock_location\" s ON s.id = m.\"location_id\" WHERE m.\"product_id\" = {0}.id AND m.\"state\" NOT IN ('draft', 'done', 'cancel') AND (d.\"usage\" = 'internal') <> (s.\"usage\" = 'internal'))")
            .Computed("free_qty", FieldType.Float, "Free To Use Quantity",
                "(SELECT COALESCE(SUM(q.\"quantity\" - q.\"reserved_quantity\"), 0) FROM \"stock_quant\" q JOIN \"stock_location\" l ON l.id = q.\"location_id\" WHERE q.\"product_id\" = {0}.id AND l.\"usage\" = 'internal')")
            .Default("active", true)
            .Build();
    }

    public static readonly (string, string)[] ProductTypes = [("consu", "Consumable"), ("service", "Service"), ("product", "Storable Product")];
}

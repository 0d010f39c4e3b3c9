using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Catalog;

/// <summary>Models of <c>stock</c> and <c>stock_sms</c>, Odoo 17 names (17 calls the done quantity <c>quantity</c>).</summary>
internal static class StockModels
{
    public static readonly (string, string)[] PickingStates =
        [("draft", "Draft"), ("waiting", "Waiting Another Operation"), ("confirmed", "Waiting"), ("assigned", "Ready"), ("done", "Done"), ("cancel", "Cancelled")];

    public static readonly (string, string)[] MoveStates =
    [
        ("draft", "New"), ("waiting", "Waiting Another Move"), ("confirmed", "Waiting Availability"), ("partially_available", "Partially Available"),
        ("assigned", "Available"), ("done", "Done"), ("cancel", "Cancelled"),
    ];

    public static readonly (string, string)[] PickingTypeCodes = [("incoming", "Receipt"), ("outgoing", "Delivery"), ("internal", "Internal Transfer")];

    public static IEnumerable<ModelDef> All()
    {
        yield return new ModelBuilder("stock.warehouse", "stock_warehouse", "Warehouse", "stock")
            .Order("sequence, id")
            .Char("name", "Warehouse", required: true)
            .Char("code", "Short Name", required: true)
            .Int("sequence", "Sequence")
            .Many2one("lot_stock_id", "stock.location", "Location Stock")
            .Many2one("view_location_id", "stock.location", "View Location")
            .Many2one("company_id", "res.company", "Company")
            .Bool("active", "Active")
            .Default("active", true)
            .Build();

        yield return new ModelBuilder("stock.location", "stock_location", "Inventory Locations", "stock")
            .Order("complete_name, id")
            .DisplayName("{0}.\"complete_name\"")
            .Char("name", "Location Name", required: true)
            .Char("complete_name", "Full Location Name")
            .Selection("usage", "Location Type",
                ("supplier", "Vendor Location"), ("view", "View"), ("internal", "Internal Location"), ("customer", "Customer Location"),
                ("inventory", "Inventory Loss"), ("production", "Production"), ("transit", "Transit Location"))
            .Many2one("location_id", "stock.location", "Parent Location")
            .Char("barcode", "Barcode")
            .Many2one("company_id", "res.company", "Company")
            .Bool("active", "Active")
            .Default("active", true)
            .Default("usage", "internal")
            .Build();

        yield return new ModelBuilder("stock.picking.type", "stock_picking_type", "Picking Type", "stock")
            .Order("sequence, id")
            .DisplayName("COALESCE((SELECT w.\"name\" FROM \"stock_warehouse\" w WHERE w.id = {0}.\"warehouse_id\") || ': ', '') || {0}.\"name\"")
            .Char("name", "Operation Type", required: true)
            .Selection("code", "Type of Operation", PickingTypeCodes)
            .Char("sequence_code", "Sequence Prefix")
            .Int("sequence", "Sequence")
            .Many2one("default_location_src_id", "stock.location", "Default Source Location")
            .Many2one("default_location_dest_id", "stock.location", "Default Destination Location")
            .Many2one("warehouse_id", "stock.warehouse", "Warehouse")
            .Many2one("company_id", "res.company", "Company")
            .Computed("count_picking_ready", FieldType.Integer, "Number of Pickings Ready",
                "(SELECT count(*) FROM \"stock_picking\" p WHERE p.\"picking_type_id\" = {0}.id AND p.\"state\" = 'assigned')")
            .Computed("count_picking_waiting", FieldType.Integer, "Number of Pickings Waiting",
                "(SELECT count(*) FROM \"stock_picking\" p WHERE p.\"picking_type_id\" = {0}.id AND p.\"state\" IN ('confirmed', 'waiting'))")
            .Bool("active", "Active")
            .Default("active", true)
            .Build();

        yield return new ModelBuilder("stock.picking", "stock_picking", "Transfer", "stock")
            .Order("priority desc, scheduled_date asc, id desc")
            .Char("name", "Reference")
            .Char("origin", "Source Document")
            .Many2one("partner_id", "res.partner", "Contact")
            .Many2one("picking_type_id", "stock.picking.type", "Operation Type", required: true)
            .Related("picking_type_code", FieldType.Selection, "Type of Operation", "picking_type_id", "stock_picking_type", "code", selection: PickingTypeCodes)
            .Many2one("location_id", "stock.location", "Source Location", required: true)
            .Many2one("location_dest_id", "stock.location", "Destination Location", required: true)
            .Selection("state", "Status", PickingStates)
            .Selection("priority", "Priority", ("0", "Normal"), ("1", "Urgent"))
            .Selection("move_type", "Shipping Policy", ("direct", "As soon as possible"), ("one", "When all products are ready"))
            .Datetime("scheduled_date", "Scheduled Date")
            .Datetime("date_deadline", "Deadline")
            .Datetime("date_done", "Date of Transfer")
            .Many2one("backorder_id", "stock.picking", "Back Order of")
            .Many2one("sale_id", "sale.order", "Sales Order")
            .Many2one("purchase_id", "purchase.order", "Purchase Orders")
            .Many2one("user_id", "res.users", "Responsible")
            .Many2one("company_id", "res.company", "Company")
            .Html("note", "Notes")
            .One2many("move_ids", "stock.move", "picking_id", "Stock Moves")
            .One2many("move_ids_without_package", "stock.move", "picking_id", "Stock moves not in package")
            .Default("state", "draft")
            .Default("priority", "0")
            .Default("move_type", "direct")
            .Default("scheduled_date", c => Values.Datetime(c.Now))
            .Default("user_id", c => c.Uid)
            .Default("company_id", c => c.CompanyId)
            .Default("name", "/")
            .Build();

        yield return new ModelBuilder("stock.move", "stock_move", "Stock Move", "stock")
            .Order("sequence, id")
            .DisplayName("COALESCE({0}.\"reference\" || ': ', '') || COALESCE({0}.\"name\", '')")
            // Required, as in Odoo 17: the web client sends it, filled by the product's onchange.
            .Char("name", "Description", required: true)
            .Char("reference", "Reference")
            .Int("sequence", "Sequence")
            .Many2one("product_id", "product.product", "Product", required: true)
            .Float("product_uom_qty", "Demand")
            .Many2one("product_uom", "uom.uom", "UoM")
            .Float("quantity", "Quantity")
            .Bool("picked", "Picked")
            .Selection("state", "Status", MoveStates)
            .Many2one("picking_id", "stock.picking", "Transfer", onDelete: "cascade")
            .Many2one("picking_type_id", "stock.picking.type", "Operation Type")
            .Many2one("location_id", "stock.location", "Source Location", required: true)
            .Many2one("location_dest_id", "stock.location", "Destination Location", required: true)
            .Many2one("partner_id", "res.partner", "Destination Address")
            .Many2one("sale_line_id", "sale.order.line", "Sale Line")
            .Many2one("purchase_line_id", "purchase.order.line", "Purchase Order Line")
            .Char("origin", "Source")
            .Datetime("date", "Date Scheduled")
            .Many2one("company_id", "res.company", "Company")
            .Default("state", "draft")
            .Default("sequence", 10)
            .Default("quantity", 0.0)
            .Default("picked", false)
            .Default("product_uom_qty", 1.0)
            .Default("date", c => Values.Datetime(c.Now))
            .Default("company_id", c => c.CompanyId)
            .Build();

        yield return new ModelBuilder("stock.quant", "stock_quant", "Quants", "stock")
            .DisplayName("(SELECT l.\"complete_name\" FROM \"stock_location\" l WHERE l.id = {0}.\"location_id\") || ' - ' || (SELECT t.\"name\" FROM \"product_product\" p JOIN \"product_template\" t ON t.id = p.\"product_tmpl_id\" WHERE p.id = {0}.\"product_id\")", recName: "id")
            .Many2one("product_id", "product.product", "Product", required: true, onDelete: "restrict")
            .Related("product_tmpl_id", FieldType.Many2one, "Product Template", "product_id", "product_product", "product_tmpl_id", relation: "product.template")
            .Many2one("location_id", "stock.location", "Location", required: true, onDelete: "restrict")
            .Float("quantity", "Quantity", @readonly: true)
            .Float("reserved_quantity", "Reserved Quantity", @readonly: true)
            .Computed("available_quantity", FieldType.Float, "Available Quantity", "({0}.\"quantity\" - {0}.\"reserved_quantity\")")
            .Float("inventory_quantity", "Counted Quantity")
            .Bool("inventory_quantity_set", "Inventory Quantity Set")
            .Computed("inventory_diff_quantity", FieldType.Float, "Difference",
                "(CASE WHEN {0}.\"inventory_quantity_set\" THEN {0}.\"inventory_quantity\" - {0}.\"quantity\" ELSE 0 END)")
            .Datetime("in_date", "Incoming Date")
            .Many2one("user_id", "res.users", "Assigned To")
            .Many2one("company_id", "res.company", "Company")
            .Default("quantity", 0.0)
            .Default("reserved_quantity", 0.0)
            .Default("inventory_quantity", 0.0)
            .Default("inventory_quantity_set", false)
            .Default("in_date", c => Values.Datetime(c.Now))
            .Default("company_id", c => c.CompanyId)
            .Build();

        // Settings (base's res.config.settings, with the field stock adds): only what the load tool's seed turns on.
        yield return new ModelBuilder("res.config.settings", "res_config_settings", "Config Settings", "stock")
            .Transient()
            .DisplayName("'res.config.settings,' || {0}.id")
            .Bool("group_stock_multi_locations", "Storage Locations")
            .Build();

        yield return new ModelBuilder("confirm.stock.sms", "confirm_stock_sms", "Confirm Stock SMS", "stock_sms")
            .Transient()
            .DisplayName("'confirm.stock.sms,' || {0}.id")
            .Many2many("pick_ids", "stock.picking", "Pick", "stock_picking_sms_rel", "confirm_stock_sms_id", "stock_picking_id")
            .Build();

        yield return new ModelBuilder("stock.backorder.confirmation", "stock_backorder_confirmation", "Backorder Confirmation", "stock")
            .Transient()
            .DisplayName("'stock.backorder.confirmation,' || {0}.id")
            .Many2many("pick_ids", "stock.picking", "Pick", "stock_picking_backorder_rel", "stock_backorder_confirmation_id", "stock_picking_id")
            .Bool("show_transfers", "Show Transfers")
            .Build();
    }
}

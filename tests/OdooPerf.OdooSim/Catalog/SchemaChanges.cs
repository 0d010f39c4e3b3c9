using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Catalog;

/// <summary>What a <see cref="SchemaChange"/> does to a field of the Odoo 17 catalog.</summary>
internal enum SchemaChangeKind
{
    /// <summary>The field has another public name; its column stays.</summary>
    Renamed,

    /// <summary>The field does not exist; its column may stay for the simulator's own SQL.</summary>
    Removed,

    /// <summary>A field the 17 catalog lacks; it has a column in every version's database.</summary>
    Added,

    /// <summary>The field's selection values differ (values outside them are Odoo's "Wrong value" ValueError).</summary>
    SelectionChanged,
}

/// <summary>
/// One difference between the Odoo 17 catalog (<c>Catalog/*Models.cs</c>) and the version(s)
/// <see cref="FromMajor"/>..<see cref="ToMajor"/>, with the Odoo source file that shows it.
/// <see cref="Field"/> is the 17 name, except for <see cref="SchemaChangeKind.Added"/> where it is the new field's.
/// </summary>
internal sealed record SchemaChange(SchemaChangeKind Kind, string Model, string Field, int FromMajor, int ToMajor, string Source)
{
    /// <summary>The version's name of a renamed field.</summary>
    public string? NewName { get; init; }

    /// <summary>The version's label (fields_get <c>string</c>), when it changed too.</summary>
    public string? Label { get; init; }

    /// <summary>The definition of an added field.</summary>
    public FieldDef? Definition { get; init; }

    /// <summary>The default of an added field.</summary>
    public System.Text.Json.Nodes.JsonNode? Default { get; init; }

    /// <summary>The version's selection values.</summary>
    public IReadOnlyList<(string Value, string Label)>? Selection { get; init; }

    public bool AppliesTo(int major) => FromMajor <= major && major <= ToMajor;
}

/// <summary>
/// The one place that says how Odoo 16, 18 and 19 differ from the Odoo 17 catalog, for the fields the simulator
/// declares. Applied when the registry is built for a version (<see cref="ForVersion"/>), so fields_get, reads,
/// writes, domains, orders and groupings see only that version's names; business code asks <see cref="SchemaVersion"/>
/// for a field's name in the version it plays. Each entry was read in the cited source (see docs/odoo-versions.md).
/// </summary>
internal static class SchemaChanges
{
    private const int Any = 99;

    public static readonly IReadOnlyList<SchemaChange> All =
    [
        // ---- Odoo 16 (before 17) ----
        new(SchemaChangeKind.Renamed, "stock.move", "quantity", 16, 16,
            "16.0 addons/stock/models/stock_move.py: quantity_done = fields.Float('Quantity Done', ...); 17.0 merged it into quantity")
        { NewName = "quantity_done", Label = "Quantity Done" },
        new(SchemaChangeKind.Removed, "stock.move", "picked", 16, 16,
            "17.0 addons/stock/models/stock_move.py adds picked = fields.Boolean(...); 16.0 has no such field"),
        new(SchemaChangeKind.Removed, "sale.order", "locked", 16, 16,
            "17.0 addons/sale/models/sale_order.py adds locked = fields.Boolean(...); 16.0 locks with state 'done'"),
        new(SchemaChangeKind.SelectionChanged, "sale.order", "state", 16, 16,
            "16.0 addons/sale/models/sale_order.py SALE_ORDER_STATE: draft, sent, sale, done (Locked), cancel")
        { Selection = [("draft", "Quotation"), ("sent", "Quotation Sent"), ("sale", "Sales Order"), ("done", "Locked"), ("cancel", "Cancelled")] },
        new(SchemaChangeKind.SelectionChanged, "sale.order.line", "state", 16, 16,
            "16.0 addons/sale/models/sale_order_line.py state = related order_id.state")
        { Selection = [("draft", "Quotation"), ("sent", "Quotation Sent"), ("sale", "Sales Order"), ("done", "Locked"), ("cancel", "Cancelled")] },

        new(SchemaChangeKind.Removed, "res.partner", "complete_name", 16, 16,
            "17.0 odoo/addons/base/models/res_partner.py adds complete_name (stored); 16.0 stores display_name (real 16.0 fields_get dump)"),
        new(SchemaChangeKind.Removed, "sale.advance.payment.inv", "consolidated_billing", 16, 16,
            "17.0 addons/sale/wizard/sale_make_invoice_advance.py adds consolidated_billing; absent from the real 16.0 fields_get dump"),

        // ---- Odoo 18 ----
        new(SchemaChangeKind.Removed, "product.template", "detailed_type", 18, Any,
            "18.0 addons/product/models/product_template.py: no detailed_type; type = Selection(consu Goods, service, combo)"),
        new(SchemaChangeKind.Removed, "product.product", "detailed_type", 18, Any,
            "18.0 addons/product/models/product_template.py (product.product inherits the template's fields)"),
        new(SchemaChangeKind.SelectionChanged, "product.template", "type", 18, Any,
            "18.0 addons/product/models/product_template.py: type = fields.Selection([('consu', 'Goods'), ('service', 'Service'), ('combo', 'Combo')], string='Product Type', required=True)")
        { Selection = [("consu", "Goods"), ("service", "Service"), ("combo", "Combo")], Label = "Product Type" },
        new(SchemaChangeKind.SelectionChanged, "product.product", "type", 18, Any,
            "18.0 addons/product/models/product_template.py (inherited by product.product)")
        { Selection = [("consu", "Goods"), ("service", "Service"), ("combo", "Combo")], Label = "Product Type" },
        new(SchemaChangeKind.Added, "product.template", "is_storable", 18, Any,
            "18.0 addons/stock/models/product.py: is_storable = fields.Boolean('Track Inventory', ...)")
        { Definition = new FieldDef { Name = "is_storable", Type = FieldType.Boolean, Label = "Track Inventory", Column = "is_storable" }, Default = false },
        new(SchemaChangeKind.Added, "product.product", "is_storable", 18, Any,
            "18.0 addons/stock/models/product.py (product.product reads the template's through _inherits)")
        {
            Definition = new FieldDef
            {
                Name = "is_storable", Type = FieldType.Boolean, Label = "Track Inventory", Readonly = true,
                SqlExpression = "(SELECT t.\"is_storable\" FROM \"product_template\" t WHERE t.id = {0}.\"product_tmpl_id\")",
            },
        },
        new(SchemaChangeKind.Removed, "product.template", "priority", 18, Any,
            "18.0 addons/product/models/product_template.py: is_favorite = fields.Boolean(string='Favorite') replaces the priority selection"),
        new(SchemaChangeKind.Added, "product.template", "is_favorite", 18, Any,
            "18.0 addons/product/models/product_template.py: is_favorite = fields.Boolean(string='Favorite')")
        { Definition = new FieldDef { Name = "is_favorite", Type = FieldType.Boolean, Label = "Favorite", Column = "is_favorite" }, Default = false },
        new(SchemaChangeKind.Renamed, "account.payment", "ref", 18, Any,
            "18.0 addons/account/models/account_payment.py: memo = fields.Char(string='Memo'); the payment no longer _inherits account.move (17: ref came from it)")
        { NewName = "memo", Label = "Memo" },
        new(SchemaChangeKind.Renamed, "account.move", "payment_id", 18, Any,
            "18.0 addons/account/models/account_move.py: origin_payment_id = fields.Many2one('account.payment', ...)")
        { NewName = "origin_payment_id", Label = "Payment" },

        // ---- Odoo 19 ----
        new(SchemaChangeKind.Removed, "res.partner", "mobile", 19, Any,
            "19.0 odoo/addons/base/models/res_partner.py: phone only, no mobile field"),
        new(SchemaChangeKind.Added, "crm.lead", "mobile", 16, 18,
            "16.0-18.0 addons/crm/models/crm_lead.py: mobile = fields.Char('Mobile', compute='_compute_mobile', store=True); 19.0 has none")
        { Definition = new FieldDef { Name = "mobile", Type = FieldType.Char, Label = "Mobile", Column = "mobile" } },
        new(SchemaChangeKind.Removed, "stock.picking", "move_ids_without_package", 19, Any,
            "19.0 addons/stock/models/stock_picking.py: move_ids only"),
        new(SchemaChangeKind.Renamed, "sale.order.line", "product_uom", 19, Any,
            "19.0 addons/sale/models/sale_order_line.py: product_uom_id = fields.Many2one(comodel_name='uom.uom', string='Unit', ...)")
        { NewName = "product_uom_id", Label = "Unit" },
        new(SchemaChangeKind.Renamed, "sale.order.line", "tax_id", 19, Any,
            "19.0 addons/sale/models/sale_order_line.py: tax_ids = fields.Many2many(comodel_name='account.tax', string='Taxes', ...)")
        { NewName = "tax_ids" },
        new(SchemaChangeKind.Renamed, "purchase.order.line", "product_uom", 19, Any,
            "19.0 addons/purchase/models/purchase_order_line.py: product_uom_id = fields.Many2one('uom.uom', string='Unit', ...)")
        { NewName = "product_uom_id", Label = "Unit" },
        new(SchemaChangeKind.Renamed, "purchase.order.line", "taxes_id", 19, Any,
            "19.0 addons/purchase/models/purchase_order_line.py: tax_ids = fields.Many2many('account.tax', string='Taxes', ...)")
        { NewName = "tax_ids" },
        new(SchemaChangeKind.Renamed, "purchase.order", "notes", 19, Any,
            "19.0 addons/purchase/models/purchase_order.py: note = fields.Html('Terms and Conditions') (real 19.0 fields_get dump)")
        { NewName = "note" },
        new(SchemaChangeKind.Removed, "uom.uom", "uom_type", 19, Any,
            "19.0 addons/uom/models/uom_uom.py: units relative to another (relative_factor, relative_uom_id), no uom_type (real 19.0 dump)"),
        new(SchemaChangeKind.Removed, "stock.move", "name", 19, Any,
            "19.0 addons/stock/models/stock_move.py: no name; description_picking (computed) instead (real 19.0 dump)"),
        new(SchemaChangeKind.Removed, "res.company", "stock_move_sms_validation", 19, Any,
            "19.0 addons/stock_sms/models/res_company.py: only stock_sms_confirmation_template_id and has_received_warning_stock_sms (real 19.0 dump)"),
        new(SchemaChangeKind.Removed, "account.account", "deprecated", 19, Any,
            "19.0 addons/account/models/account_account.py: active = fields.Boolean(default=True) replaces deprecated"),
        new(SchemaChangeKind.Added, "account.account", "active", 19, Any,
            "19.0 addons/account/models/account_account.py: active = fields.Boolean(default=True, tracking=True)")
        { Definition = new FieldDef { Name = "active", Type = FieldType.Boolean, Label = "Active", Column = "active" }, Default = true },
    ];

    /// <summary>The changes that apply to <paramref name="major"/>.</summary>
    public static IEnumerable<SchemaChange> For(int major) => All.Where(c => c.AppliesTo(major));

    /// <summary>
    /// Fields a particular database lacks whatever its version (<c>model.field</c>, <see cref="OdooSimulatorOptions.RemovedFields"/>):
    /// a customised or partly upgraded server, for testing that a client refuses it before sending load.
    /// </summary>
    public static IReadOnlyList<SchemaChange> Removals(IEnumerable<string> fields) =>
        fields.Select(f =>
        {
            var dot = f.LastIndexOf('.');
            return dot <= 0 || dot == f.Length - 1
                ? throw new ArgumentException($"a removed field is model.field: '{f}'", nameof(fields))
                : new SchemaChange(SchemaChangeKind.Removed, f[..dot], f[(dot + 1)..], 0, Any, "removed from this database by the simulator's options");
        }).ToList();

    /// <summary>The catalog as the version <paramref name="major"/> has it.</summary>
    public static IEnumerable<ModelDef> ForVersion(IEnumerable<ModelDef> catalog, int major, IReadOnlyList<SchemaChange>? extra = null)
    {
        var changes = For(major).Concat(extra ?? []).ToLookup(c => c.Model, StringComparer.Ordinal);

        // A name another version has (an added field, a rename's new name) is known to be absent here: Odoo's ValueError, never ignored.
        var elsewhere = All.Where(c => !c.AppliesTo(major) && c.Kind is SchemaChangeKind.Added or SchemaChangeKind.Renamed)
            .ToLookup(c => c.Model, StringComparer.Ordinal);
        foreach (var model in catalog)
        {
            if (!changes.Contains(model.Name) && !elsewhere.Contains(model.Name))
            {
                yield return model;
                continue;
            }

            yield return Apply(model, changes[model.Name].ToList(), elsewhere[model.Name]);
        }
    }

    /// <summary>Every model with every column any version uses (one database layout for all versions).</summary>
    public static IEnumerable<ModelDef> Storage(IEnumerable<ModelDef> catalog)
    {
        var added = All.Where(c => c.Kind == SchemaChangeKind.Added && c.Definition!.IsStored).ToLookup(c => c.Model, StringComparer.Ordinal);
        foreach (var model in catalog)
        {
            if (!added.Contains(model.Name))
            {
                yield return model;
                continue;
            }

            var fields = new Dictionary<string, FieldDef>(model.Fields, StringComparer.Ordinal);
            foreach (var change in added[model.Name])
            {
                fields.TryAdd(change.Field, change.Definition!);
            }

            yield return model.With(fields, model.Defaults, model.Order, new Dictionary<string, string>(StringComparer.Ordinal));
        }
    }

    private static ModelDef Apply(ModelDef model, List<SchemaChange> changes, IEnumerable<SchemaChange> elsewhere)
    {
        var fields = new Dictionary<string, FieldDef>(model.Fields, StringComparer.Ordinal);
        var modelDefaults = model.Defaults.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var absent = new Dictionary<string, string>(StringComparer.Ordinal);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case SchemaChangeKind.Renamed:
                    var old = fields[change.Field];
                    fields.Remove(change.Field);
                    fields[change.NewName!] = old.Renamed(change.NewName!, change.Label);
                    absent[change.Field] = change.Source;
                    renames[change.Field] = change.NewName!;
                    if (modelDefaults.Remove(change.Field, out var value))
                    {
                        modelDefaults[change.NewName!] = value;
                    }

                    break;
                case SchemaChangeKind.Removed:
                    fields.Remove(change.Field);
                    modelDefaults.Remove(change.Field);
                    absent[change.Field] = change.Source;
                    break;
                case SchemaChangeKind.Added:
                    fields[change.Field] = change.Definition!;
                    if (change.Default is { } added)
                    {
                        modelDefaults[change.Field] = _ => added.DeepClone();
                    }

                    break;
                case SchemaChangeKind.SelectionChanged:
                    fields[change.Field] = fields[change.Field].WithSelection(change.Selection!, change.Label);
                    break;
            }
        }

        foreach (var other in elsewhere)
        {
            var name = other.Kind == SchemaChangeKind.Renamed ? other.NewName! : other.Field;
            if (!fields.ContainsKey(name))
            {
                absent.TryAdd(name, other.Source);
            }
        }

        // The default order speaks field names: follow renames, drop removed fields.
        var order = string.Join(", ", model.Order.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(term => (Term: term, Name: term.Split(' ')[0]))
            .Where(t => !absent.ContainsKey(t.Name) || renames.ContainsKey(t.Name))
            .Select(t => renames.TryGetValue(t.Name, out var renamed) ? renamed + t.Term[t.Name.Length..] : t.Term));
        return model.With(fields, modelDefaults, order.Length == 0 ? "id" : order, absent);
    }
}

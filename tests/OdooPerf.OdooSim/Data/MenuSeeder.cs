using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Data;

/// <summary>The window actions (with their XML ids) and the menus of the installed apps, as the web client loads them.</summary>
internal sealed class MenuSeeder(Seeder seeder, Registry registry)
{
    private sealed record ActionSeed(string XmlId, string Name, string Model, string ViewMode, string? Domain, string Context, string Target = "current");

    private sealed record MenuSeed(string XmlId, string Name, string? Action, string? WebIcon, MenuSeed[] Children);

    private static readonly (string Module, ActionSeed[] Actions)[] ActionsByModule =
    [
        ("base", [new ActionSeed("base.action_partner_form", "Customers", "res.partner", "kanban,tree,form", null, "{'res_partner_search_mode': 'customer'}")]),
        ("sale", [
            new ActionSeed("sale.action_quotations_with_onboarding", "Quotations", "sale.order", "tree,kanban,form,calendar,pivot,graph,activity", null, "{'search_default_my_quotation': 1}"),
            new ActionSeed("sale.action_orders", "Sales Orders", "sale.order", "tree,kanban,form,calendar,pivot,graph,activity", "[('state', 'not in', ('draft', 'sent', 'cancel'))]", "{}"),
            new ActionSeed("sale.product_template_action", "Products", "product.template", "kanban,tree,form,activity", null, "{'search_default_filter_to_sell': 1}"),
        ]),
        ("sale_crm", [new ActionSeed("sale_crm.sale_action_quotations_new", "Quotation", "sale.order", "form,tree,graph", null, "{}")]),
        ("stock", [
            new ActionSeed("stock.stock_picking_type_action", "Inventory Overview", "stock.picking.type", "kanban,form", null, "{'search_default_groupby_warehouse_id': 0}"),
            new ActionSeed("stock.action_picking_tree_all", "Transfers", "stock.picking", "tree,kanban,form,calendar,activity", null, "{'contact_display': 'partner_address', 'default_company_id': allowed_company_ids[0]}"),
            new ActionSeed("stock.action_view_inventory_tree", "Physical Inventory", "stock.quant", "tree", "[('location_id.usage', 'in', ['internal', 'transit'])]", "{'search_default_internal_loc': 1, 'inventory_mode': True}"),
        ]),
        ("purchase", [
            new ActionSeed("purchase.purchase_rfq", "Requests for Quotation", "purchase.order", "tree,kanban,form,pivot,graph,calendar,activity", null, "{'quotation_only': True}"),
            new ActionSeed("purchase.purchase_form_action", "Purchase Orders", "purchase.order", "tree,kanban,form,pivot,graph,calendar,activity", "[('state', 'in', ('purchase', 'done'))]", "{}"),
        ]),
        ("account", [
            new ActionSeed("account.action_move_out_invoice_type", "Invoices", "account.move", "tree,kanban,form,activity", "[('move_type', '=', 'out_invoice')]", "{'default_move_type': 'out_invoice'}"),
            new ActionSeed("account.action_move_in_invoice_type", "Bills", "account.move", "tree,kanban,form,activity", "[('move_type', '=', 'in_invoice')]", "{'default_move_type': 'in_invoice'}"),
            new ActionSeed("account.action_account_payments", "Payments", "account.payment", "tree,kanban,form,graph", null, "{'default_payment_type': 'inbound', 'default_partner_type': 'customer', 'search_default_inbound_filter': 1}"),
            new ActionSeed("account.action_account_invoice_report_all", "Invoice Analysis", "account.invoice.report", "graph,pivot", null, "{'search_default_current': 1, 'search_default_customer': 1, 'group_by': ['invoice_date'], 'group_by_no_leaf': 1}"),
            new ActionSeed("account.action_account_moves_all", "Journal Items", "account.move.line", "tree,pivot,graph,kanban", "[('display_type', 'not in', ('line_section', 'line_note'))]", "{'journal_type': 'general', 'search_default_posted': 1}"),
        ]),
        ("crm", [
            new ActionSeed("crm.crm_lead_action_pipeline", "Pipeline", "crm.lead", "kanban,tree,graph,pivot,form,calendar,activity", "[('type', '=', 'opportunity')]", "{'default_type': 'opportunity', 'search_default_assigned_to_me': 1}"),
            new ActionSeed("crm.crm_lead_all_leads", "Leads", "crm.lead", "tree,kanban,graph,pivot,calendar,form,activity", "[('type', '=', 'lead')]", "{'default_type': 'lead', 'search_default_type': 'lead'}"),
        ]),
    ];

    private static readonly (string Module, MenuSeed Root)[] Apps =
    [
        ("sale_management", new MenuSeed("sale.sale_menu_root", "Sales", null, "sale_management,static/description/icon.png", [
            new MenuSeed("sale.sale_order_menu", "Orders", null, null, [
                new MenuSeed("sale.menu_sale_quotations", "Quotations", "sale.action_quotations_with_onboarding", null, []),
                new MenuSeed("sale.menu_sale_order", "Orders", "sale.action_orders", null, []),
                new MenuSeed("sale.res_partner_menu", "Customers", "base.action_partner_form", null, []),
            ]),
            new MenuSeed("sale.product_menu_catalog", "Products", "sale.product_template_action", null, []),
        ])),
        ("stock", new MenuSeed("stock.menu_stock_root", "Inventory", null, "stock,static/description/icon.png", [
            new MenuSeed("stock.stock_picking_type_menu", "Overview", "stock.stock_picking_type_action", null, []),
            new MenuSeed("stock.menu_stock_warehouse_mgmt", "Operations", null, null, [
                new MenuSeed("stock.all_picking", "Transfers", "stock.action_picking_tree_all", null, []),
                new MenuSeed("stock.menu_action_inventory_tree", "Physical Inventory", "stock.action_view_inventory_tree", null, []),
            ]),
        ])),
        ("purchase", new MenuSeed("purchase.menu_purchase_root", "Purchase", null, "purchase,static/description/icon.png", [
            new MenuSeed("purchase.menu_procurement_management", "Orders", null, null, [
                new MenuSeed("purchase.menu_purchase_rfq", "Requests for Quotation", "purchase.purchase_rfq", null, []),
                new MenuSeed("purchase.menu_purchase_form_action", "Purchase Orders", "purchase.purchase_form_action", null, []),
            ]),
        ])),
        ("account", new MenuSeed("account.menu_finance", "Invoicing", null, "account,static/description/icon.png", [
            new MenuSeed("account.menu_finance_receivables", "Customers", null, null, [
                new MenuSeed("account.menu_action_move_out_invoice_type", "Invoices", "account.action_move_out_invoice_type", null, []),
                new MenuSeed("account.menu_action_account_payments_receivable", "Payments", "account.action_account_payments", null, []),
            ]),
            new MenuSeed("account.menu_finance_payables", "Vendors", null, null, [
                new MenuSeed("account.menu_action_move_in_invoice_type", "Bills", "account.action_move_in_invoice_type", null, []),
            ]),
            new MenuSeed("account.menu_finance_reports", "Reporting", null, null, [
                new MenuSeed("account.menu_action_account_invoice_report_all", "Invoice Analysis", "account.action_account_invoice_report_all", null, []),
                new MenuSeed("account.menu_action_account_moves_all", "Journal Items", "account.action_account_moves_all", null, []),
            ]),
        ])),
        ("crm", new MenuSeed("crm.crm_menu_root", "CRM", null, "crm,static/description/icon.png", [
            new MenuSeed("crm.crm_menu_sales", "Sales", null, null, [
                new MenuSeed("crm.menu_crm_opportunities", "My Pipeline", "crm.crm_lead_action_pipeline", null, []),
            ]),
            new MenuSeed("crm.crm_menu_leads", "Leads", "crm.crm_lead_all_leads", null, []),
        ])),
    ];

    private readonly Dictionary<string, int> _actions = new(StringComparer.Ordinal);

    public async Task SeedAsync()
    {
        foreach (var (module, actions) in ActionsByModule.Where(m => registry.IsInstalled(m.Module)))
        {
            foreach (var action in actions)
            {
                var id = await seeder.InsertAsync("ir_act_window", ("name", action.Name), ("type", "ir.actions.act_window"), ("res_model", action.Model), ("view_mode", action.ViewMode),
                    ("domain", action.Domain), ("context", action.Context), ("target", action.Target), ("limit", 80)).ConfigureAwait(false);
                await XmlIdAsync(action.XmlId, "ir.actions.act_window", id).ConfigureAwait(false);
                _actions[action.XmlId] = id;
            }
        }

        var sequence = 10;
        foreach (var (module, root) in Apps.Where(a => registry.IsInstalled(a.Module)))
        {
            await MenuAsync(root, null, root.Name, sequence).ConfigureAwait(false);
            sequence += 10;
        }
    }

    private async Task MenuAsync(MenuSeed menu, int? parent, string path, int sequence)
    {
        string? action = menu.Action is not null && _actions.TryGetValue(menu.Action, out var actionId) ? $"ir.actions.act_window,{actionId}" : null;
        var id = await seeder.InsertAsync("ir_ui_menu", ("name", menu.Name), ("complete_name", path), ("sequence", sequence), ("parent_id", parent), ("action", action),
            ("web_icon", menu.WebIcon), ("xml_id", menu.XmlId), ("active", true)).ConfigureAwait(false);
        await XmlIdAsync(menu.XmlId, "ir.ui.menu", id).ConfigureAwait(false);
        var childSequence = 1;
        foreach (var child in menu.Children)
        {
            await MenuAsync(child, id, $"{path}/{child.Name}", childSequence++).ConfigureAwait(false);
        }
    }

    private Task<int> XmlIdAsync(string xmlId, string model, int id)
    {
        var parts = xmlId.Split('.', 2);
        return seeder.InsertAsync("ir_model_data", ("module", parts[0]), ("name", parts[1]), ("model", model), ("res_id", id));
    }
}

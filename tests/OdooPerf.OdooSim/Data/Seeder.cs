using System.Globalization;
using OdooPerf.OdooSim.Business;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Data;

/// <summary>
/// The demo data of a new simulated database: a company, the admin user (id 2, as in Odoo) and load users,
/// customers and vendors with phone numbers, products with stock, the warehouse and its operation types,
/// a chart of accounts and journals, CRM stages and leads, the installed modules, the apps' actions and menus.
/// </summary>
internal sealed class Seeder(Cursor cr, Registry registry, SeedOptions options, DateTime now)
{
    private static readonly string[] CustomerNames =
    [
        "Azure Interior", "Deco Addict", "Gemini Furniture", "Lumber Inc", "Ready Mat", "The Jackson Group", "Acme Corporation", "Brandon Freeman",
        "Colleen Diaz", "Nicole Ford", "Jesse Brown", "Oscar Morgan", "Floyd Steward", "Edwin Hansen", "Billy Fox", "Addison Olson",
    ];

    private static readonly string[] VendorNames = ["Wood Corner", "Gemini Supplies", "Steel Works", "Office Depot", "Bolts & Nuts"];

    private static readonly string[] ProductNames =
    [
        "Large Cabinet", "Office Chair", "Corner Desk Right Sit", "Large Desk", "Drawer Black", "Storage Box", "Cabinet with Doors", "Desk Combination",
        "Acoustic Bloc Screens", "Four Person Desk", "Three-Seat Sofa", "Pedal Bin", "Flipover", "Desk Stand with Screen", "Individual Workplace", "Conference Chair",
    ];

    public async Task SeedAsync()
    {
        var currency = await InsertAsync("res_currency", ("name", "USD"), ("symbol", "$"), ("position", "before"), ("decimal_places", 2), ("active", true)).ConfigureAwait(false);
        var companyPartner = await PartnerAsync("YourCompany", isCompany: true, phone: "+1 555-0100").ConfigureAwait(false);
        var company = await InsertAsync("res_company", ("name", "YourCompany"), ("sequence", 10), ("currency_id", currency), ("partner_id", companyPartner),
            ("stock_move_sms_validation", true), ("has_received_warning_stock_sms", false)).ConfigureAwait(false);
        await cr.ExecuteAsync("UPDATE \"res_partner\" SET \"company_id\" = $1", company).ConfigureAwait(false);

        // Odoo's user 1 is the inactive superuser (OdooBot); the admin is user 2.
        await UserAsync("__system__", "OdooBot", null, company, active: false).ConfigureAwait(false);
        var admin = await UserAsync(options.AdminLogin, "Mitchell Admin", options.AdminPassword, company, active: true).ConfigureAwait(false);
        for (var i = 1; i <= options.ExtraUsers; i++)
        {
            await UserAsync($"user{i}", $"Load User {i}", options.AdminPassword, company, active: true).ConfigureAwait(false);
        }

        if (options.ApiKey is { Length: >= 8 } key)
        {
            await InsertAsync("res_users_apikeys", ("name", "odoosim"), ("user_id", admin), ("scope", null), ("index", key[..8]), ("key", PasswordHash.Hash(key))).ConfigureAwait(false);
        }

        for (var i = 0; i < options.Customers; i++)
        {
            var name = i < CustomerNames.Length ? CustomerNames[i] : $"Customer {i + 1}";
            await PartnerAsync(name, isCompany: true, phone: $"+1 555-{1000 + i:D4}", customerRank: 1, company: company).ConfigureAwait(false);
        }

        for (var i = 0; i < options.Vendors; i++)
        {
            var name = i < VendorNames.Length ? VendorNames[i] : $"Vendor {i + 1}";
            await PartnerAsync(name, isCompany: true, phone: $"+1 555-{2000 + i:D4}", supplierRank: 1, company: company).ConfigureAwait(false);
        }

        var units = await InsertAsync("uom_uom", ("name", "Units"), ("factor", 1m), ("rounding", 0.01m), ("uom_type", "reference"), ("active", true)).ConfigureAwait(false);
        await InsertAsync("uom_uom", ("name", "Dozens"), ("factor", 1m / 12m), ("rounding", 0.01m), ("uom_type", "bigger"), ("active", true)).ConfigureAwait(false);
        await InsertAsync("account_tax", ("name", "15%"), ("sequence", 1), ("amount", 15m), ("amount_type", "percent"), ("type_tax_use", "sale"), ("company_id", company), ("active", true)).ConfigureAwait(false);
        await InsertAsync("account_tax", ("name", "15% (purchase)"), ("sequence", 1), ("amount", 15m), ("amount_type", "percent"), ("type_tax_use", "purchase"), ("company_id", company), ("active", true)).ConfigureAwait(false);

        var locations = await LocationsAsync(company).ConfigureAwait(false);
        var products = await ProductsAsync(units).ConfigureAwait(false);
        foreach (var (product, storable) in products)
        {
            if (storable)
            {
                await InsertAsync("stock_quant", ("product_id", product), ("location_id", locations["WH/Stock"]), ("quantity", options.StockPerProduct), ("reserved_quantity", 0m),
                    ("inventory_quantity", 0m), ("inventory_quantity_set", false), ("company_id", company), ("in_date", now)).ConfigureAwait(false);
            }
        }

        foreach (var (code, name, type, reconcile) in Ledger.Accounts)
        {
            await InsertAsync("account_account", ("code", code), ("name", name), ("account_type", type), ("reconcile", reconcile), ("deprecated", false), ("active", true), ("company_id", company)).ConfigureAwait(false);
        }

        foreach (var (name, code, type, account, sequence) in new[]
        {
            ("Customer Invoices", "INV", "sale", Ledger.Income, 5), ("Vendor Bills", "BILL", "purchase", Ledger.Expense, 6), ("Bank", "BNK1", "bank", Ledger.Bank, 7),
            ("Cash", "CSH1", "cash", Ledger.Bank, 8), ("Miscellaneous Operations", "MISC", "general", (string?)null, 9),
        })
        {
            var accountId = account is null ? (int?)null : await Ledger.AccountAsync(cr, account).ConfigureAwait(false);
            await InsertAsync("account_journal", ("name", name), ("code", code), ("type", type), ("sequence", sequence), ("default_account_id", accountId), ("company_id", company), ("active", true)).ConfigureAwait(false);
        }

        var stages = new List<int>();
        foreach (var (name, sequence, won) in new[] { ("New", 1, false), ("Qualified", 2, false), ("Proposition", 3, false), ("Won", 70, true) })
        {
            stages.Add(await InsertAsync("crm_stage", ("name", name), ("sequence", sequence), ("is_won", won), ("fold", false)).ConfigureAwait(false));
        }

        var customers = await cr.IdsAsync("SELECT id FROM \"res_partner\" WHERE \"customer_rank\" > 0 ORDER BY id").ConfigureAwait(false);
        for (var i = 0; i < Math.Min(5, customers.Length); i++)
        {
            await InsertAsync("crm_lead", ("name", $"Office Design Project {i + 1}"), ("type", i < 2 ? "lead" : "opportunity"), ("priority", "1"), ("partner_id", i < 2 ? null : customers[i]),
                ("contact_name", $"Contact {i + 1}"), ("email_from", $"contact{i + 1}@example.com"), ("stage_id", stages[Math.Min(i, 2)]), ("user_id", admin), ("company_id", company),
                ("expected_revenue", 1000m * (i + 1)), ("probability", 10m * (i + 1)), ("active", true)).ConfigureAwait(false);
        }

        foreach (var module in ModuleGraph.Known)
        {
            await InsertAsync("ir_module_module", ("name", module), ("shortdesc", ModuleGraph.Title(module)), ("latest_version", "1.0"), ("application", ModuleGraph.IsApplication(module)),
                ("state", registry.IsInstalled(module) ? "installed" : "uninstalled")).ConfigureAwait(false);
        }

        foreach (var model in registry.Models.Where(m => registry.TryGetPublic(m.Name, out _)).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            await InsertAsync("ir_model", ("name", model.Description), ("model", model.Name), ("modules", model.Module), ("transient", model.Transient)).ConfigureAwait(false);
        }

        foreach (var (xmlId, id) in Actions.ViewIds)
        {
            var parts = xmlId.Split('.');
            await InsertAsync("ir_model_data", ("module", parts[0]), ("name", parts[1]), ("model", "ir.ui.view"), ("res_id", id)).ConfigureAwait(false);
        }

        await new MenuSeeder(this, registry).SeedAsync().ConfigureAwait(false);
    }

    public async Task<int> InsertAsync(string table, params (string Column, object? Value)[] values)
    {
        var columns = values.Select(v => $"\"{v.Column}\"").Concat(["\"create_uid\"", "\"create_date\"", "\"write_uid\"", "\"write_date\""]);
        var args = values.Select(v => v.Value).Concat([null, now, null, now]).ToArray();
        var placeholders = Enumerable.Range(1, args.Length).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture));
        return await cr.IntAsync($"INSERT INTO \"{table}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", placeholders)}) RETURNING id", args).ConfigureAwait(false);
    }

    private Task<int> PartnerAsync(string name, bool isCompany, string phone, int customerRank = 0, int supplierRank = 0, int? company = null) =>
        InsertAsync("res_partner", ("name", name), ("complete_name", name), ("is_company", isCompany), ("type", "contact"), ("phone", phone), ("mobile", phone),
            ("email", $"{name.ToLowerInvariant().Replace(' ', '.').Replace("&", "and", StringComparison.Ordinal)}@example.com"), ("customer_rank", customerRank), ("supplier_rank", supplierRank),
            ("lang", "en_US"), ("company_id", company), ("active", true));

    private async Task<int> UserAsync(string login, string name, string? password, int company, bool active)
    {
        var partner = await PartnerAsync(name, isCompany: false, phone: "+1 555-0199", company: company).ConfigureAwait(false);
        var user = await InsertAsync("res_users", ("login", login), ("partner_id", partner), ("company_id", company), ("tz", "Europe/Brussels"), ("lang", "en_US"), ("share", false), ("active", active)).ConfigureAwait(false);
        if (password is not null)
        {
            await cr.ExecuteAsync("UPDATE \"res_users\" SET \"password\" = $2 WHERE id = $1", user, PasswordHash.Hash(password)).ConfigureAwait(false);
        }

        return user;
    }

    private async Task<Dictionary<string, int>> LocationsAsync(int company)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, usage) in new[]
        {
            ("Partners", "view"), ("Partners/Vendors", "supplier"), ("Partners/Customers", "customer"), ("Virtual Locations", "view"),
            ("Virtual Locations/Inventory adjustment", "inventory"), ("WH", "view"), ("WH/Stock", "internal"), ("WH/Stock/Shelf 1", "internal"),
        })
        {
            var slash = path.LastIndexOf('/');
            int? parent = slash < 0 ? null : ids[path[..slash]];
            ids[path] = await InsertAsync("stock_location", ("name", slash < 0 ? path : path[(slash + 1)..]), ("complete_name", path), ("usage", usage), ("location_id", parent),
                ("company_id", usage is "internal" or "view" ? company : null), ("active", true)).ConfigureAwait(false);
        }

        var warehouse = await InsertAsync("stock_warehouse", ("name", "YourCompany"), ("code", "WH"), ("sequence", 1), ("lot_stock_id", ids["WH/Stock"]), ("view_location_id", ids["WH"]),
            ("company_id", company), ("active", true)).ConfigureAwait(false);
        foreach (var (name, code, prefix, source, destination, sequence) in new[]
        {
            ("Receipts", "incoming", "IN", "Partners/Vendors", "WH/Stock", 1), ("Delivery Orders", "outgoing", "OUT", "WH/Stock", "Partners/Customers", 2),
            ("Internal Transfers", "internal", "INT", "WH/Stock", "WH/Stock/Shelf 1", 3),
        })
        {
            await InsertAsync("stock_picking_type", ("name", name), ("code", code), ("sequence_code", prefix), ("sequence", sequence), ("default_location_src_id", ids[source]),
                ("default_location_dest_id", ids[destination]), ("warehouse_id", warehouse), ("company_id", company), ("active", true)).ConfigureAwait(false);
        }

        return ids;
    }

    // Goods are storable and invoiced on delivered quantities, so invoicing needs the delivery first (as the real flow does).
    private async Task<List<(int Product, bool Storable)>> ProductsAsync(int units)
    {
        var products = new List<(int, bool)>();
        for (var i = 0; i < options.Products; i++)
        {
            var kind = i == options.Products - 1 && options.Products > 2 ? "service" : i == options.Products - 2 && options.Products > 2 ? "consu" : "product";
            var name = kind == "service" ? "Installation Service" : i < ProductNames.Length ? ProductNames[i] : $"Product {i + 1}";
            var price = 50m + (37m * i % 900m);
            // 16/17: detailed_type 'product' (stock's "Storable Product"); 18+: type 'consu' ("Goods") with is_storable ("Track Inventory").
            var kindColumns = registry.Schema.Has("product.template", "is_storable")
                ? new (string, object?)[] { ("type", kind == "product" ? "consu" : kind), ("is_storable", kind == "product"), ("is_favorite", false) }
                : [("detailed_type", kind), ("type", kind), ("priority", "0")];
            var template = await InsertAsync("product_template", [("name", name), ("default_code", $"FURN_{1000 + i}"), ("list_price", price), ("standard_price", Math.Round(price * 0.6m, 2)),
                .. kindColumns, ("invoice_policy", kind == "product" ? "delivery" : "order"), ("purchase_method", kind == "service" ? "purchase" : "receive"),
                ("sale_ok", true), ("purchase_ok", true), ("uom_id", units), ("company_id", null), ("active", true)]).ConfigureAwait(false);
            var product = await InsertAsync("product_product", ("product_tmpl_id", template), ("default_code", $"FURN_{1000 + i}"), ("barcode", $"60{1000000 + i}"), ("active", true)).ConfigureAwait(false);
            products.Add((product, kind == "product"));
        }

        return products;
    }
}

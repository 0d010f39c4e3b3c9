using System.Text.Json.Nodes;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// <c>browse</c>: read-only, what most users do most of the time. Contacts list (Contacts app's list view), a search
/// as typed in a many2one field, a contact's form; then, where Sales is installed, the "My Quotations" list and one
/// quotation's form with its lines; where a product app is installed, a product search as typed on an order line.
/// Runs against any Odoo: the sales and product steps are skipped where those apps are missing.
/// </summary>
internal sealed class BrowseScenario : OdooScenario
{
    public const string ScenarioName = "browse";

    // Letters a user types in a search box: short prefixes that match something in any database.
    private static readonly string[] SearchTerms = ["a", "e", "o", "in", "ar", "co", "ma", "te", "de", "st"];

    public override string Name => ScenarioName;

    public override string Summary => "contacts list, a search, a contact's form; quotations list and a quotation's form (Sales); a product search";

    public override string? Writes => null;

    public override IReadOnlyList<string> RequiredApps => [];

    private static readonly OdooSpecification ContactList = OdooSpecification.Of("display_name", "email", "phone", "city", "is_company")
        .Field("country_id", f => f.Field("display_name"))
        .Field("parent_id", f => f.Field("display_name"));

    private static readonly OdooSpecification ContactForm = OdooSpecification.Of(
            "name", "display_name", "is_company", "type", "street", "city", "zip", "vat", "ref", "email", "phone", "mobile", "lang", "comment")
        .Field("parent_id", f => f.Field("display_name"))
        .Field("country_id", f => f.Field("display_name"))
        .Field("child_ids", f => f.Field("display_name").Field("email").Field("phone"));

    private static readonly OdooSpecification QuotationList = OdooSpecification.Of(
            "name", "date_order", "amount_untaxed", "amount_total", "state", "invoice_status")
        .Field("partner_id", f => f.Field("display_name"))
        .Field("user_id", f => f.Field("display_name"))
        .Field("currency_id", f => f.Field("display_name"));

    private static readonly OdooSpecification QuotationForm = OdooSpecification.Of(
            "name", "state", "date_order", "validity_date", "client_order_ref", "note", "amount_untaxed", "amount_tax", "amount_total",
            "invoice_status", "delivery_count", "invoice_count")
        .Field("partner_id", f => f.Field("display_name"))
        .Field("user_id", f => f.Field("display_name"))
        .Field("order_line", f => f
            .Field("sequence").Field("name").Field("product_uom_qty").Field("qty_delivered").Field("qty_invoiced").Field("price_unit")
            .Field("discount").Field("price_subtotal").Field("display_type")
            .Field("product_id", p => p.Field("display_name"))
            .Field("product_uom", u => u.Field("display_name"))
            .Field("tax_id", t => t.Field("display_name")));

    public override async Task RunAsync(OdooIteration iteration)
    {
        var contacts = await iteration.Call("list_contacts", (client, ct) => client.WebSearchReadAsync(
            "res.partner", OdooDomain.Empty, ContactList, limit: 80, order: "complete_name ASC, id DESC", countLimit: 10001, cancellationToken: ct)).ConfigureAwait(false);
        if (contacts is null)
        {
            return;
        }

        var term = iteration.Pick(SearchTerms);
        var found = await iteration.Call("search_contacts", (client, ct) => client.NameSearchAsync(
            "res.partner", term, limit: 8, cancellationToken: ct)).ConfigureAwait(false);
        if (found is null)
        {
            return;
        }

        var partnerIds = OdooRecords.Ids(contacts);
        if (partnerIds.Count > 0)
        {
            var partner = iteration.Pick(partnerIds);
            if (await iteration.Call("open_contact", (client, ct) => client.WebReadAsync("res.partner", [partner], ContactForm, cancellationToken: ct)).ConfigureAwait(false) is null)
            {
                return;
            }
        }

        if (iteration.Run.Has(OdooApps.Sales) && !await BrowseQuotationsAsync(iteration).ConfigureAwait(false))
        {
            return;
        }

        if (iteration.Run.Has(OdooApps.Sales) || iteration.Run.Has(OdooApps.Purchase) || iteration.Run.Has(OdooApps.Inventory))
        {
            await iteration.Call("search_products", (client, ct) => client.NameSearchAsync(
                "product.product", iteration.Pick(SearchTerms), OdooDomain.Where("sale_ok", "=", true), limit: 8, cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    private static async Task<bool> BrowseQuotationsAsync(OdooIteration iteration)
    {
        // The Quotations menu opens with the "My Quotations" filter.
        var mine = iteration.Run.Uid is { } uid ? OdooDomain.Where("user_id", "=", JsonValue.Create(uid)) : OdooDomain.Empty;
        var quotations = await iteration.Call("list_quotations", (client, ct) => client.WebSearchReadAsync(
            "sale.order", mine, QuotationList, limit: 80, order: "date_order DESC, id DESC", countLimit: 10001, cancellationToken: ct)).ConfigureAwait(false);
        if (quotations is null)
        {
            return false;
        }

        var ids = OdooRecords.Ids(quotations);
        if (ids.Count == 0)
        {
            return true;
        }

        var order = iteration.Pick(ids);
        return await iteration.Call("open_quotation", (client, ct) => client.WebReadAsync("sale.order", [order], QuotationForm, cancellationToken: ct)).ConfigureAwait(false) is not null;
    }
}

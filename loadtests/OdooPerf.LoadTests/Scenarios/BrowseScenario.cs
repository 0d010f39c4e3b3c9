using System.Text.Json.Nodes;
using OdooPerf.LoadTests.Schema;
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

    public override IReadOnlyList<string> Models => ["res.partner", "sale.order", "sale.order.line", "product.product"];

    /// <summary>What browse sends, built from the server's fields (<c>mobile</c> only where the server has it: 19 removed it).</summary>
    internal sealed record Forms(
        OdooSpecification ContactList, string ContactOrder, OdooSpecification ContactForm, OdooSpecification? QuotationList, OdooSpecification? QuotationForm);

    public override object ResolveFields(ScenarioFields fields, OdooRunData run)
    {
        var contactList = fields.Spec("res.partner", s => s.Fields("display_name", "email", "phone", "city", "is_company")
            .Field("country_id", f => f.Fields("display_name"))
            .Field("parent_id", f => f.Fields("display_name")));
        // The Contacts list sorts as res.partner's _order: by complete_name from 17, by display_name (then stored) in 16.
        var contactOrder = $"{fields.FirstOf("res.partner", "complete_name", "display_name")} ASC, id DESC";
        var contactForm = fields.Spec("res.partner", s => s
            .Fields("name", "display_name", "is_company", "type", "street", "city", "zip", "vat", "ref", "email", "phone", "mobile?", "lang", "comment")
            .Field("parent_id", f => f.Fields("display_name"))
            .Field("country_id", f => f.Fields("display_name"))
            .Field("child_ids", f => f.Fields("display_name", "email", "phone")));
        if (!run.Has(OdooApps.Sales))
        {
            return new Forms(contactList, contactOrder, contactForm, null, null);
        }

        var quotationList = fields.Spec("sale.order", s => s.Fields("name", "date_order", "amount_untaxed", "amount_total", "state", "invoice_status")
            .Field("partner_id", f => f.Fields("display_name"))
            .Field("user_id", f => f.Fields("display_name"))
            .Field("currency_id", f => f.Fields("display_name")));
        var quotationForm = fields.Spec("sale.order", s => s
            .Fields("name", "state", "date_order", "validity_date", "client_order_ref", "note", "amount_untaxed", "amount_tax", "amount_total",
                "invoice_status", "delivery_count?", "invoice_count")
            .Field("partner_id", f => f.Fields("display_name"))
            .Field("user_id", f => f.Fields("display_name"))
            .Field("order_line", f => f
                .Fields("sequence", "name", "product_uom_qty", "qty_delivered", "qty_invoiced", "price_unit", "discount", "price_subtotal", "display_type")
                .Field("product_id", p => p.Fields("display_name"))
                .Field("product_uom", u => u.Fields("display_name"))
                .Field("tax_id", t => t.Fields("display_name"))));
        return new Forms(contactList, contactOrder, contactForm, quotationList, quotationForm);
    }

    public override async Task RunAsync(OdooIteration iteration)
    {
        var forms = iteration.Run.Forms<Forms>(ScenarioName);
        var contacts = await iteration.Call("list_contacts", (client, ct) => client.WebSearchReadAsync(
            "res.partner", OdooDomain.Empty, forms.ContactList, limit: 80, order: forms.ContactOrder, countLimit: 10001, cancellationToken: ct)).ConfigureAwait(false);
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
            if (await iteration.Call("open_contact", (client, ct) => client.WebReadAsync("res.partner", [partner], forms.ContactForm, cancellationToken: ct)).ConfigureAwait(false) is null)
            {
                return;
            }
        }

        if (forms.QuotationList is not null && forms.QuotationForm is not null
            && !await BrowseQuotationsAsync(iteration, forms.QuotationList, forms.QuotationForm).ConfigureAwait(false))
        {
            return;
        }

        if (iteration.Run.Has(OdooApps.Sales) || iteration.Run.Has(OdooApps.Purchase) || iteration.Run.Has(OdooApps.Inventory))
        {
            await iteration.Call("search_products", (client, ct) => client.NameSearchAsync(
                "product.product", iteration.Pick(SearchTerms), OdooDomain.Where("sale_ok", "=", true), limit: 8, cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    private static async Task<bool> BrowseQuotationsAsync(OdooIteration iteration, OdooSpecification list, OdooSpecification form)
    {
        // The Quotations menu opens with the "My Quotations" filter.
        var mine = iteration.Run.Uid is { } uid ? OdooDomain.Where("user_id", "=", JsonValue.Create(uid)) : OdooDomain.Empty;
        var quotations = await iteration.Call("list_quotations", (client, ct) => client.WebSearchReadAsync(
            "sale.order", mine, list, limit: 80, order: "date_order DESC, id DESC", countLimit: 10001, cancellationToken: ct)).ConfigureAwait(false);
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
        return await iteration.Call("open_quotation", (client, ct) => client.WebReadAsync("sale.order", [order], form, cancellationToken: ct)).ConfigureAwait(false) is not null;
    }
}

using System.Text.Json.Nodes;
using OdooPerf.LoadTests.Console;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Seeding;

/// <summary>
/// Removes what <c>seed</c> created: the tagged products, customers and vendors, deleted in batches; a record Odoo will
/// not delete because documents point at it (an order, an invoice, a stock move) is archived instead, so it no longer
/// shows, and the documents stay consistent. The documents the scenarios created (orders, invoices, payments, leads,
/// transfers marked <see cref="SeedData.OrderReference"/>) are counted, with those a flow left mid-way by their state
/// and where to find them, not deleted: posted accounting entries cannot be deleted, and a test database is best
/// restored from its copy.
/// </summary>
internal sealed class SeedCleanup(OdooClient client, ConsoleOutput console, CancellationToken cancellationToken)
{
    public async Task RunAsync()
    {
        // Products first: a product's deletion is refused once moved or sold, a partner's once ordered from.
        // Templates: deleting one deletes its variant; archiving one archives it.
        var documents = await CountDocumentsAsync().ConfigureAwait(false);
        await RemoveAsync("products", "product.template", "default_code", SeedData.ProductCodePrefix).ConfigureAwait(false);
        await RemoveAsync("customers", "res.partner", "ref", SeedData.CustomerRefPrefix).ConfigureAwait(false);
        await RemoveAsync("vendors", "res.partner", "ref", SeedData.VendorRefPrefix).ConfigureAwait(false);
        if (documents is not null)
        {
            console.Line(documents);
        }
    }

    private async Task RemoveAsync(string what, string model, string field, string prefix)
    {
        var tagged = await TaggedRecords.FindAsync(client, model, field, prefix, cancellationToken).ConfigureAwait(false);
        int deleted = 0, archived = 0;
        foreach (var batch in tagged.Ids.Chunk(Seeder.BatchSize))
        {
            if (await TryUnlinkAsync(model, batch).ConfigureAwait(false))
            {
                deleted += batch.Length;
                continue;
            }

            // One of them is referenced: each on its own, archiving those Odoo keeps.
            foreach (var id in batch)
            {
                if (await TryUnlinkAsync(model, [id]).ConfigureAwait(false))
                {
                    deleted++;
                }
                else
                {
                    await client.WriteAsync(model, [id], new JsonObject { ["active"] = false }, cancellationToken: cancellationToken).ConfigureAwait(false);
                    archived++;
                }
            }
        }

        console.Line($"{what}: {deleted} deleted, {archived} archived (documents refer to them)");
    }

    private async Task<bool> TryUnlinkAsync(string model, IReadOnlyList<long> ids)
    {
        try
        {
            await client.CallKwAsync(model, "unlink", [new JsonArray(ids.Select(id => (JsonNode?)id).ToArray())], cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OdooRpcException e) when (!e.IsSessionExpired && !e.IsAccessDenied)
        {
            return false;
        }
    }

    /// <summary>
    /// The documents the scenarios made, with those left mid-flow (a failed step, a stopped run) counted by where they
    /// stand, and how to find them in Odoo. Counted before anything is removed.
    /// </summary>
    private async Task<string?> CountDocumentsAsync()
    {
        var counts = new List<string>();
        foreach (var kind in DocumentKinds)
        {
            if (await CountAsync(kind.Model, kind.Tagged).ConfigureAwait(false) is not { } total)
            {
                continue; // the app is not installed: nothing of it to count
            }

            var midFlow = new List<string>();
            foreach (var (stage, domain) in kind.MidFlow)
            {
                if (await CountAsync(kind.Model, OdooDomain.And(kind.Tagged, domain)).ConfigureAwait(false) is > 0 and var count)
                {
                    midFlow.Add($"{count} {stage}");
                }
            }

            counts.Add($"{total} {kind.What}{(midFlow.Count > 0 ? $" ({string.Join(", ", midFlow)}; {kind.Find})" : "")}");
        }

        return counts.Count == 0
            ? null
            : $"left in place, made by the scenarios: {string.Join(", ", counts)} (with their deliveries, invoices and payments; restore the database copy to start clean)";
    }

    private async Task<long?> CountAsync(string model, OdooDomain domain)
    {
        try
        {
            var count = await client.SearchCountAsync(model, domain, new JsonObject { ["active_test"] = false }, cancellationToken).ConfigureAwait(false);
            return count.Result.GetInt64();
        }
        catch (OdooRpcException e) when (!e.IsSessionExpired && !e.IsAccessDenied)
        {
            return null;
        }
    }

    /// <summary>What the scenarios create, how they tag it, and the states a flow that stopped half-way leaves it in.</summary>
    private static readonly (string What, string Model, OdooDomain Tagged, (string Stage, OdooDomain Domain)[] MidFlow, string Find)[] DocumentKinds =
    [
        ("sale orders", "sale.order", SeedData.Documents("client_order_ref"),
        [
            ("quotations never confirmed", OdooDomain.Where("state", "in", new JsonArray("draft", "sent"))),
            ("confirmed, not fully invoiced", OdooDomain.Where("state", "=", "sale").And("invoice_status", "!=", "invoiced")),
        ], "Sales > Orders, Customer Reference starting with odooperf-load"),
        ("purchase orders", "purchase.order", SeedData.Documents("partner_ref"),
        [
            ("RFQs never confirmed", OdooDomain.Where("state", "in", new JsonArray("draft", "sent", "to approve"))),
            ("confirmed, not fully billed", OdooDomain.Where("state", "=", "purchase").And("invoice_status", "!=", "invoiced")),
        ], "Purchase > Orders, Vendor Reference starting with odooperf-load"),
        ("internal transfers", "stock.picking", SeedData.Documents("origin"),
        [
            ("not validated", OdooDomain.Where("state", "not in", new JsonArray("done", "cancel"))),
        ], "Inventory > Transfers, Source Document starting with odooperf-load"),
        ("leads", "crm.lead", SeedData.Documents("contact_name"),
        [
            ("never converted", OdooDomain.Where("type", "=", "lead")),
            ("opportunities not won", OdooDomain.Where("type", "=", "opportunity").And("stage_id.is_won", "=", false)),
        ], "CRM > Pipeline, Contact Name odooperf-load"),
    ];
}

using System.Text.Json.Nodes;
using OdooPerf.LoadTests.Console;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Seeding;

/// <summary>
/// Removes what <c>seed</c> created: the tagged products, customers and vendors, deleted in batches; a record Odoo will
/// not delete because documents point at it (an order, an invoice, a stock move) is archived instead, so it no longer
/// shows, and the documents stay consistent. The documents the scenarios created (orders, invoices, payments, leads,
/// transfers marked <see cref="SeedData.OrderReference"/>) are counted, not deleted: posted accounting entries cannot
/// be deleted, and a test database is best restored from its copy.
/// </summary>
internal sealed class SeedCleanup(OdooClient client, ConsoleOutput console, CancellationToken cancellationToken)
{
    public async Task RunAsync()
    {
        // Products first: a product's deletion is refused once moved or sold, a partner's once ordered from.
        // Templates: deleting one deletes its variant; archiving one archives it.
        await RemoveAsync("products", "product.template", "default_code", SeedData.ProductCodePrefix).ConfigureAwait(false);
        await RemoveAsync("customers", "res.partner", "ref", SeedData.CustomerRefPrefix).ConfigureAwait(false);
        await RemoveAsync("vendors", "res.partner", "ref", SeedData.VendorRefPrefix).ConfigureAwait(false);
        await CountDocumentsAsync().ConfigureAwait(false);
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

    private async Task CountDocumentsAsync()
    {
        var counts = new List<string>();
        foreach (var (what, model, domain) in new[]
                 {
                     ("sale orders", "sale.order", SeedData.Documents("client_order_ref")),
                     ("purchase orders", "purchase.order", SeedData.Documents("partner_ref")),
                     ("internal transfers", "stock.picking", SeedData.Documents("origin")),
                     ("leads", "crm.lead", SeedData.Documents("contact_name")),
                 })
        {
            try
            {
                var count = await client.SearchCountAsync(model, domain, new JsonObject { ["active_test"] = false }, cancellationToken).ConfigureAwait(false);
                counts.Add($"{count.Result.GetInt64()} {what}");
            }
            catch (OdooRpcException)
            {
                // The app is not installed: nothing of it to count.
            }
        }

        if (counts.Count > 0)
        {
            console.Line($"left in place, made by the scenarios: {string.Join(", ", counts)} (with their deliveries, invoices and payments; restore the database copy to start clean)");
        }
    }
}

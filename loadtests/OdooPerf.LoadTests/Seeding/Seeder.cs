using System.Text.Json;
using System.Text.Json.Nodes;
using OdooPerf.LoadTests.Console;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Seeding;

/// <summary>
/// Makes sure the tagged customers, vendors and products of a <see cref="SeedPlan"/> exist (see <see cref="SeedData"/>
/// for the tags): counts what is there, re-activates what a cleanup archived, creates only the missing numbers in
/// batches, and gives each new storable product its stock through an inventory adjustment, as Inventory > Physical
/// Inventory does. Running it twice changes nothing the second time.
/// </summary>
internal sealed class Seeder(OdooClient client, ConsoleOutput console, CancellationToken cancellationToken)
{
    // Large enough to be quick, small enough that one call stays well under Odoo's request time limit.
    public const int BatchSize = 100;

    public async Task RunAsync(SeedPlan plan)
    {
        var installed = await InstalledModulesAsync(["product", "stock"]).ConfigureAwait(false);
        var version = client.ServerVersion?.Major ?? 17;
        var summary = new List<string>();
        if (plan.Customers > 0)
        {
            var (_, line) = await EnsureAsync("customers", "res.partner", "ref", SeedData.CustomerRefPrefix, plan.Customers, n => new JsonObject
            {
                ["name"] = SampleNames.Company(n, "Customer"), ["ref"] = SeedData.CustomerRef(n), ["is_company"] = true,
                ["email"] = SampleNames.Email("customer", n), ["city"] = SampleNames.City(n), ["customer_rank"] = 1,
            }).ConfigureAwait(false);
            summary.Add(line);
        }

        if (plan.Vendors > 0)
        {
            var (_, line) = await EnsureAsync("vendors", "res.partner", "ref", SeedData.VendorRefPrefix, plan.Vendors, n => new JsonObject
            {
                ["name"] = SampleNames.Company(n, "Supplies"), ["ref"] = SeedData.VendorRef(n), ["is_company"] = true,
                ["email"] = SampleNames.Email("vendor", n), ["city"] = SampleNames.City(n), ["supplier_rank"] = 1,
            }).ConfigureAwait(false);
            summary.Add(line);
        }

        if (plan.Products > 0)
        {
            if (!installed.Contains("product"))
            {
                summary.Add("products: skipped (no product app installed: install Sales, Purchase or Inventory)");
            }
            else
            {
                var storable = installed.Contains("stock");
                // Products are created as the Products menu does, as templates; their variants carry the stock.
                var (created, line) = await EnsureAsync("products", "product.template", "default_code", SeedData.ProductCodePrefix, plan.Products,
                    n => ProductValues(n, version, storable)).ConfigureAwait(false);
                summary.Add(line + (storable && created.Count > 0 && plan.StockPerProduct > 0
                    ? await StockAsync(await VariantsAsync(created).ConfigureAwait(false), plan.StockPerProduct).ConfigureAwait(false)
                    : storable ? "" : " (consumables: no Inventory app)"));
            }
        }

        if (installed.Contains("stock"))
        {
            summary.Add(await StorageLocationsAsync().ConfigureAwait(false));
        }

        foreach (var line in summary)
        {
            console.Line(line);
        }
    }

    /// <summary>
    /// The inventory scenario moves stock between internal locations, which needs Inventory's "Storage Locations"
    /// setting (it activates the internal transfer operation type, archived on a fresh database). Turned on as
    /// Settings does it: a settings record with the group, then its <c>execute</c> button.
    /// </summary>
    private async Task<string> StorageLocationsAsync()
    {
        var internalTypes = await client.SearchCountAsync("stock.picking.type", OdooDomain.Where("code", "=", "internal"), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (internalTypes.Result.GetInt64() > 0)
        {
            return "storage locations: on";
        }

        var settings = await client.CreateAsync("res.config.settings", new JsonObject { ["group_stock_multi_locations"] = true }, cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.CallButtonAsync("res.config.settings", "execute", [settings.GetId()], cancellationToken: cancellationToken).ConfigureAwait(false);
        return "storage locations: turned on (Inventory > Configuration > Settings > Storage Locations), for the inventory scenario's internal transfers";
    }

    /// <summary>Odoo 16/17 mark storable goods with <c>detailed_type</c>; 18 and later with <c>is_storable</c> on a goods type.</summary>
    private static JsonObject ProductValues(int number, int version, bool storable)
    {
        var values = new JsonObject
        {
            ["name"] = SampleNames.Product(number), ["default_code"] = SeedData.ProductCode(number),
            ["list_price"] = SampleNames.Price(number), ["standard_price"] = Math.Round(SampleNames.Price(number) * 0.6m, 2),
            ["sale_ok"] = true, ["purchase_ok"] = true,
        };
        if (version >= 18)
        {
            values["type"] = "consu";
            values["is_storable"] = storable;
        }
        else
        {
            values["detailed_type"] = storable ? "product" : "consu";
        }

        return values;
    }

    /// <summary>The tagged records 1..<paramref name="wanted"/> exist and are active; returns the numbers created and a summary line.</summary>
    private async Task<(IReadOnlyList<int> Created, string Line)> EnsureAsync(string what, string model, string field, string prefix, int wanted,
        Func<int, JsonObject> values)
    {
        var existing = await TaggedRecords.FindAsync(client, model, field, prefix, cancellationToken).ConfigureAwait(false);
        var archived = existing.Archived(wanted);
        if (archived.Count > 0)
        {
            await client.WriteAsync(model, archived, new JsonObject { ["active"] = true }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var missing = existing.Missing(wanted);
        var created = new List<int>(missing.Count);
        foreach (var batch in missing.Chunk(BatchSize))
        {
            var list = new JsonArray(batch.Select(n => (JsonNode?)values(n)).ToArray());
            await client.CallKwAsync(model, "create", [list], cancellationToken: cancellationToken).ConfigureAwait(false);
            created.AddRange(batch);
            console.Line($"  {what}: created {created.Count} of {missing.Count}");
        }

        var line = $"{what}: {wanted} tagged ({created.Count} created{(archived.Count > 0 ? $", {archived.Count} re-activated" : "")}, {wanted - created.Count - archived.Count} already there)";
        return (created, line);
    }

    /// <summary>The variants (product.product) of the tagged products numbered <paramref name="numbers"/>.</summary>
    private async Task<IReadOnlyList<long>> VariantsAsync(IReadOnlyList<int> numbers)
    {
        var variants = await TaggedRecords.FindAsync(client, "product.product", "default_code", SeedData.ProductCodePrefix, cancellationToken).ConfigureAwait(false);
        return numbers.Where(variants.ByNumber.ContainsKey).Select(n => variants.ByNumber[n].Id).ToArray();
    }

    /// <summary>An inventory adjustment per new product in the main warehouse's stock location, applied.</summary>
    private async Task<string> StockAsync(IReadOnlyList<long> products, decimal quantity)
    {
        var warehouses = await client.SearchReadAsync("stock.warehouse", OdooDomain.Empty, ["lot_stock_id"], limit: 1, order: "id", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (warehouses.GetRecords().GetArrayLength() == 0 || OdooRecords.Many2One(warehouses.GetRecords()[0], "lot_stock_id") is not { } location)
        {
            return " (no warehouse: no stock given)";
        }

        var inventoryMode = new JsonObject { ["inventory_mode"] = true };
        foreach (var batch in products.Chunk(BatchSize))
        {
            var quants = new JsonArray(batch.Select(product => (JsonNode?)new JsonObject
            {
                ["product_id"] = product, ["location_id"] = location, ["inventory_quantity"] = quantity, ["inventory_quantity_set"] = true,
            }).ToArray());
            var created = await client.CallKwAsync("stock.quant", "create", [quants], new JsonObject { ["context"] = inventoryMode.DeepClone() }, cancellationToken).ConfigureAwait(false);
            await client.CallKwAsync("stock.quant", "action_apply_inventory", [new JsonArray(Ids(created.Result).Select(id => (JsonNode?)id).ToArray())],
                new JsonObject { ["context"] = inventoryMode.DeepClone() }, cancellationToken).ConfigureAwait(false);
        }

        return $", {quantity:0.##} units each of the {products.Count} new ones in stock";
    }

    private async Task<IReadOnlySet<string>> InstalledModulesAsync(IReadOnlyList<string> modules)
    {
        var response = await client.SearchReadAsync("ir.module.module",
            OdooDomain.Where("name", "in", new JsonArray(modules.Select(m => (JsonNode?)m).ToArray())).And("state", "=", "installed"), ["name"],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.GetRecords().EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<long> Ids(JsonElement result) => result.ValueKind switch
    {
        JsonValueKind.Array => result.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetInt64()),
        JsonValueKind.Number => [result.GetInt64()],
        _ => [],
    };
}

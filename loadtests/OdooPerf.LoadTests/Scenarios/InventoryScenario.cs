using System.Text.Json.Nodes;
using OdooPerf.Load.Scenarios;
using OdooPerf.LoadTests.Schema;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// <c>inventory</c>: a warehouse clerk's lookups and an internal transfer, as the web client of the server's version makes the calls.
/// Inventory > Physical Inventory (the quants list, then grouped by location), a product's on-hand and forecast
/// quantities, then a new internal transfer of one product from the warehouse's stock to one of its sub-locations,
/// "Mark as To Do", Validate (answering Odoo's dialogs). Writes: internal transfers (stock moves between internal
/// locations: quantities on hand per location change, the warehouse total does not).
/// </summary>
internal sealed class InventoryScenario : OdooScenario
{
    public const string ScenarioName = "inventory";

    public override string Name => ScenarioName;

    public override string Summary => "quants list and by location, a product's quantities, an internal transfer confirmed and validated";

    public override string? Writes => "internal transfers (stock moves between internal locations)";

    public override IReadOnlyList<string> RequiredApps => [OdooApps.Inventory];

    public override IReadOnlyList<string> Models => ["stock.quant", "stock.location", "stock.picking.type", "stock.picking", "stock.move", "product.product"];

    /// <summary>
    /// What inventory sends, built from the server's fields: the transfer's moves field (<see cref="StockForms.Moves"/>)
    /// and what makes a product storable (<c>is_storable</c> from 18, <c>detailed_type</c> "product" before).
    /// </summary>
    internal sealed record Forms(
        OdooSpecification QuantList, OdooSpecification ProductQuantities, OdooSpecification Transfer, string Moves, string? MoveDescription, OdooDomain Storable);

    public override object ResolveFields(ScenarioFields fields, OdooRunData run)
    {
        fields.Require("stock.location", "usage");
        fields.Require("stock.picking.type", "code", "default_location_src_id", "default_location_dest_id");
        fields.Require("stock.move", "product_id", "product_uom_qty", "location_id", "location_dest_id");
        var storable = fields.FirstOf("product.product", "is_storable", "detailed_type");
        return new Forms(
            fields.Spec("stock.quant", s => s.Fields("quantity", "reserved_quantity", "inventory_quantity", "inventory_diff_quantity")
                .Field("product_id", f => f.Fields("display_name"))
                .Field("location_id", f => f.Fields("display_name"))),
            fields.Spec("product.product", s => s.Fields("display_name", "qty_available", "virtual_available", "incoming_qty", "outgoing_qty")),
            fields.Spec("stock.picking", s => s.Fields("name", "state", "scheduled_date")
                .Field("location_id", f => f.Fields("display_name"))
                .Field("location_dest_id", f => f.Fields("display_name"))
                .Field("move_ids_without_package", f => f.Fields("product_uom_qty", "quantity").Field("product_id", p => p.Fields("display_name")))),
            StockForms.Moves(fields),
            fields.Optional("stock.move", "name"),
            storable == "is_storable" ? OdooDomain.Where("is_storable", "=", true) : OdooDomain.Where(storable, "=", "product"));
    }

    private static readonly OdooDomain InternalQuants = OdooDomain.Where("location_id.usage", "in", new JsonArray("internal", "transit"));

    public override async Task PrepareAsync(OdooSetup setup)
    {
        var types = await setup.Call("preflight_internal_type", (client, ct) => client.SearchReadAsync("stock.picking.type",
            OdooDomain.Where("code", "=", "internal"), ["default_location_src_id", "default_location_dest_id"], limit: 1, order: "sequence, id", cancellationToken: ct)).ConfigureAwait(false);
        if (OdooRecords.First(types) is not { } type
            || OdooRecords.Many2One(type, "default_location_src_id") is not { } source
            || OdooRecords.Many2One(type, "default_location_dest_id") is not { } defaultDestination)
        {
            throw new LoadStartException(
                $"{ScenarioName}: database {setup.Client.Database} has no internal transfer operation type with default locations: turn on Storage Locations " +
                "(Inventory > Configuration > Settings, or let 'odooperf-load seed --allow-writes' turn it on), or leave inventory out (--scenario, or weight 0 in a --mix file)");
        }

        var sublocations = await setup.Call("preflight_locations", (client, ct) => client.SearchReadAsync("stock.location",
            OdooDomain.Where("location_id", "child_of", source).And("id", "!=", source).And("usage", "=", "internal"), ["display_name"],
            limit: RecordPool.MaxRecords, cancellationToken: ct)).ConfigureAwait(false);
        var destinations = OdooRecords.Ids(sublocations);

        var storable = setup.Run.Forms<Forms>(ScenarioName).Storable;
        var products = await RecordPool.LoadAsync(setup, "preflight_storable", "product.product", OdooDomain.And(SeedData.Products, storable), storable).ConfigureAwait(false);
        if (products.IsEmpty)
        {
            throw new LoadStartException($"{ScenarioName}: database {setup.Client.Database} has no storable products; create some with 'odooperf-load seed --products N'");
        }

        setup.Run.Set(ScenarioName, new InventoryData(type.GetProperty("id").GetInt64(), source, destinations.Count > 0 ? destinations : [defaultDestination], products));
    }

    /// <summary>
    /// The new transfer's one move. Up to 18 a move's description (<c>name</c>) is required and the form fills it from
    /// the product (its onchange), so it is sent; 19 has no such field (the description is computed).
    /// </summary>
    private static JsonObject Move(Forms forms, (long Id, string Name) product, int quantity, long source, long destination)
    {
        var move = new JsonObject
        {
            ["product_id"] = product.Id,
            ["product_uom_qty"] = quantity,
            ["location_id"] = source,
            ["location_dest_id"] = destination,
        };
        if (forms.MoveDescription is { } description)
        {
            move[description] = product.Name;
        }

        return move;
    }

    public override async Task RunAsync(OdooIteration iteration)
    {
        var data = iteration.Run.Get<InventoryData>(ScenarioName);
        var forms = iteration.Run.Forms<Forms>(ScenarioName);
        var product = data.Products.Pick();
        if (await iteration.Call("list_quants", (client, ct) => client.WebSearchReadAsync("stock.quant", InternalQuants, forms.QuantList, limit: 80,
                order: "location_id, product_id", countLimit: 10001, cancellationToken: ct)).ConfigureAwait(false) is null
            || await iteration.Call("quants_by_location", (client, ct) => client.WebReadGroupAsync("stock.quant", InternalQuants, ["location_id"],
                ["quantity:sum", "reserved_quantity:sum"], limit: 80, cancellationToken: ct)).ConfigureAwait(false) is null
            || await iteration.Call("product_quantities", (client, ct) => client.WebReadAsync("product.product", [product.Id], forms.ProductQuantities, cancellationToken: ct)).ConfigureAwait(false) is null)
        {
            return;
        }

        var defaults = new JsonObject { ["default_picking_type_id"] = data.PickingTypeId };
        if (await iteration.Call("new_transfer", (client, ct) => client.NewRecordAsync("stock.picking", forms.Transfer, (JsonObject)defaults.DeepClone(), ct)).ConfigureAwait(false) is null)
        {
            return;
        }

        var destination = iteration.Pick(data.Destinations);
        using var progress = iteration.Document();
        var saved = await iteration.Save("save_transfer", "stock.picking", [], new JsonObject
        {
            ["picking_type_id"] = data.PickingTypeId,
            ["location_id"] = data.Source,
            ["location_dest_id"] = destination,
            ["origin"] = SeedData.OrderReference,
            [forms.Moves] = new JsonArray(new JsonArray(0, "virtual_1", Move(forms, product, iteration.Between(1, 5), data.Source, destination))),
        }, forms.Transfer, defaults).ConfigureAwait(false);
        if (saved is null)
        {
            return;
        }

        var transfer = saved.GetId();
        progress.At("transfer saved, not confirmed");
        if (await iteration.Call("confirm_transfer", (client, ct) => client.CallButtonAsync("stock.picking", "action_confirm", [transfer], cancellationToken: ct)).ConfigureAwait(false) is null)
        {
            return;
        }

        progress.At("transfer confirmed, not validated");
        if (await StockValidation.ValidateAsync(iteration, transfer, "transfer_").ConfigureAwait(false))
        {
            progress.Finish();
        }
    }
}

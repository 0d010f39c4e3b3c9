using OdooPerf.Load.Scenarios;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Tests.Fixtures;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Odoo;

public sealed class InventoryScenarioTests(SimulatorCluster fixture) : IClassFixture<SimulatorCluster>
{
    [Fact]
    public async Task Lookups_and_internal_transfers_run_without_failures_and_move_stock_inside_the_warehouse()
    {
        var simulator = await fixture.StartAsync(o => o with { Products = 10, StockPerProduct = 1000 });
        var before = await fixture.ScalarAsync<decimal>(simulator, "SELECT sum(quantity) FROM stock_quant q JOIN stock_location l ON l.id = q.location_id WHERE l.usage = 'internal'");

        var (result, _) = await InProcessRun.RunAsync(simulator, new InventoryScenario(), users: 3, TimeSpan.FromSeconds(4));

        Assert.True(result.Stats.AllSnapshots().All(s => s.Failed == 0), InProcessRun.Failures(result));
        var steps = InProcessRun.Steps(result, InventoryScenario.ScenarioName);
        var transfers = steps["save_transfer"].Requests;
        Assert.True(transfers >= 3, $"{transfers} transfers");
        foreach (var step in new[] { "list_quants", "quants_by_location", "product_quantities", "new_transfer", "confirm_transfer", "transfer_validate" })
        {
            Assert.Equal(transfers, steps[step].Requests);
        }

        Assert.Equal(transfers, await fixture.ScalarAsync<long>(simulator, "SELECT count(*) FROM stock_picking WHERE state = 'done' AND origin = 'odooperf-load'"));
        // Stock moved to sub-locations of the warehouse's stock: there now, and the warehouse holds as much as before.
        Assert.True(await fixture.ScalarAsync<decimal>(simulator, "SELECT COALESCE(sum(quantity), 0) FROM stock_quant q JOIN stock_location l ON l.id = q.location_id WHERE l.complete_name LIKE 'WH/Stock/%'") > 0);
        Assert.Equal(before, await fixture.ScalarAsync<decimal>(simulator, "SELECT sum(quantity) FROM stock_quant q JOIN stock_location l ON l.id = q.location_id WHERE l.usage = 'internal'"));
        Assert.Equal(simulator.Stats.Snapshot().TotalRequests, result.Stats.AllSnapshots().Single(s => s.Scenario is null).Requests);
    }

    [Fact]
    public async Task Without_Inventory_the_run_does_not_start_and_says_which_app_is_missing()
    {
        var simulator = await fixture.StartAsync(o => o with { InstalledApps = ["crm"] });

        var error = await Assert.ThrowsAsync<LoadStartException>(() => InProcessRun.RunAsync(simulator, new InventoryScenario(), users: 1, TimeSpan.FromSeconds(1)));

        Assert.Contains("inventory needs stock (Inventory)", error.Message, StringComparison.Ordinal);
    }
}

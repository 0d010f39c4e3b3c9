using OdooPerf.Load.Scenarios;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Tests.Fixtures;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Odoo;

public sealed class ProcureToPayScenarioTests(SimulatorCluster fixture) : IClassFixture<SimulatorCluster>
{
    [Fact]
    public async Task Requests_for_quotation_become_received_and_billed_orders_without_failures()
    {
        var simulator = await fixture.StartAsync(o => o with { Vendors = 5, Products = 20 });

        var (result, _) = await InProcessRun.RunAsync(simulator, new ProcureToPayScenario(), users: 3, TimeSpan.FromSeconds(4));

        Assert.True(result.Stats.AllSnapshots().All(s => s.Failed == 0), InProcessRun.Failures(result));
        var steps = InProcessRun.Steps(result, ProcureToPayScenario.ScenarioName);
        var orders = steps["save_rfq"].Requests;
        Assert.True(orders >= 3, $"{orders} RFQs");
        foreach (var step in new[] { "search_vendor", "new_rfq", "confirm_order", "open_receipt", "read_receipt", "receipt_validate", "create_bill", "set_bill_date", "post_bill" })
        {
            Assert.Equal(orders, steps[step].Requests);
        }

        Assert.Equal(orders, await fixture.ScalarAsync<long>(simulator, "SELECT count(*) FROM purchase_order WHERE state = 'purchase' AND invoice_status = 'invoiced' AND partner_ref LIKE 'odooperf-load-%'"));
        Assert.Equal(orders, await fixture.ScalarAsync<long>(simulator, "SELECT count(*) FROM stock_picking WHERE state = 'done' AND picking_type_id IN (SELECT id FROM stock_picking_type WHERE code = 'incoming')"));
        Assert.Equal(orders, await fixture.ScalarAsync<long>(simulator, "SELECT count(*) FROM account_move WHERE move_type = 'in_invoice' AND state = 'posted' AND invoice_date IS NOT NULL"));
        // Each order has its own vendor reference: a vendor bill inherits it, and Odoo refuses to post duplicates.
        Assert.Equal(orders, await fixture.ScalarAsync<long>(simulator, "SELECT count(DISTINCT partner_ref) FROM purchase_order"));
        Assert.Equal(simulator.Stats.Snapshot().TotalRequests, result.Stats.AllSnapshots().Single(s => s.Scenario is null).Requests);
    }

    [Fact]
    public async Task Without_Purchase_the_run_does_not_start_and_says_which_app_is_missing()
    {
        var simulator = await fixture.StartAsync(o => o with { InstalledApps = ["sale_management", "stock", "account"] });

        var error = await Assert.ThrowsAsync<LoadStartException>(() => InProcessRun.RunAsync(simulator, new ProcureToPayScenario(), users: 1, TimeSpan.FromSeconds(1)));

        Assert.Contains("procure-to-pay needs purchase (Purchase)", error.Message, StringComparison.Ordinal);
    }
}

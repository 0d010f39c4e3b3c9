using OdooPerf.Load.Scenarios;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Tests.Fixtures;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Odoo;

public sealed class QuoteToCashScenarioTests(SimulatorCluster fixture) : IClassFixture<SimulatorCluster>
{
    [Fact]
    public async Task Quotations_become_delivered_invoiced_and_paid_orders_without_failures()
    {
        var simulator = await fixture.StartAsync(o => o with { Customers = 20, Products = 20 });

        var (result, _) = await InProcessRun.RunAsync(simulator, new QuoteToCashScenario(), users: 3, TimeSpan.FromSeconds(4));

        Assert.True(result.Stats.AllSnapshots().All(s => s.Failed == 0), InProcessRun.Failures(result));
        var steps = InProcessRun.Steps(result, QuoteToCashScenario.ScenarioName);
        var orders = steps["save_quotation"].Requests;
        Assert.True(orders >= 3, $"{orders} quotations");
        foreach (var step in new[] { "new_quotation", "search_customer", "confirm_order", "open_delivery", "read_delivery", "delivery_validate",
                     "invoice_dialog", "create_invoice", "read_invoice", "post_invoice", "payment_dialog", "save_payment", "create_payment" })
        {
            Assert.Equal(orders, steps[step].Requests);
        }

        // Odoo 17 asks about SMS once per company, before the first delivery is validated: at most once per user
        // here (the users' first deliveries are validated at the same moment, before any answer).
        Assert.InRange(steps["delivery_sms_confirm"].Requests, 1, 3);
        Assert.InRange(steps["search_product"].Requests, orders, 4 * orders);

        Assert.Equal(orders, await fixture.ScalarAsync<long>(simulator, "SELECT count(*) FROM sale_order WHERE state = 'sale' AND invoice_status = 'invoiced' AND client_order_ref = 'odooperf-load'"));
        Assert.Equal(orders, await fixture.ScalarAsync<long>(simulator, "SELECT count(*) FROM stock_picking WHERE state = 'done' AND picking_type_id IN (SELECT id FROM stock_picking_type WHERE code = 'outgoing')"));
        Assert.Equal(orders, await fixture.ScalarAsync<long>(simulator, "SELECT count(*) FROM account_move WHERE move_type = 'out_invoice' AND state = 'posted' AND payment_state = 'paid'"));
        Assert.Equal(orders, await fixture.ScalarAsync<long>(simulator, "SELECT count(*) FROM account_payment"));
        Assert.Equal(simulator.Stats.Snapshot().TotalRequests, result.Stats.AllSnapshots().Single(s => s.Scenario is null).Requests);
    }

    [Fact]
    public async Task On_Odoo_16_the_flow_runs_with_16s_calls()
    {
        var simulator = await fixture.StartAsync(o => o with { Version = "16.0", Customers = 10, Products = 10 });

        var (result, _) = await InProcessRun.RunAsync(simulator, new QuoteToCashScenario(), users: 2, TimeSpan.FromSeconds(3));

        Assert.True(result.Stats.AllSnapshots().All(s => s.Failed == 0), InProcessRun.Failures(result));
        var orders = InProcessRun.Steps(result, QuoteToCashScenario.ScenarioName)["save_quotation"].Requests;
        Assert.True(orders >= 2, $"{orders} quotations");
        Assert.Equal(orders, await fixture.ScalarAsync<long>(simulator, "SELECT count(*) FROM account_move WHERE move_type = 'out_invoice' AND payment_state = 'paid'"));
        // 16 has no web_save or web_read: a form is saved with create (or write) and read back, the defaults come from
        // onchange with 16's field_onchange map.
        var calls = simulator.Stats.Snapshot().CallsByModelMethod;
        Assert.False(calls.ContainsKey("sale.order.web_save"));
        Assert.Equal(orders, calls["sale.order.create"]);
        Assert.Equal(orders, calls["sale.order.onchange"]);
    }

    [Fact]
    public async Task A_database_without_customers_gets_one_per_user_and_the_flow_still_runs()
    {
        var simulator = await fixture.StartAsync(o => o with { Customers = 1, Products = 5 });
        await fixture.Cluster.ExecuteAsync("UPDATE res_partner SET customer_rank = 0", simulator.DatabaseName);

        var (result, _) = await InProcessRun.RunAsync(simulator, new QuoteToCashScenario(), users: 2, TimeSpan.FromSeconds(3));

        Assert.True(result.Stats.AllSnapshots().All(s => s.Failed == 0), InProcessRun.Failures(result));
        var steps = InProcessRun.Steps(result, QuoteToCashScenario.ScenarioName);
        Assert.Equal(2, steps["create_customer"].Requests);
        Assert.False(steps.ContainsKey("search_customer"));
        Assert.Equal(2, await fixture.ScalarAsync<long>(simulator, "SELECT count(*) FROM res_partner WHERE name LIKE 'OdooPerf customer %'"));
    }

    [Fact]
    public async Task Without_Inventory_the_run_does_not_start_and_says_which_app_is_missing()
    {
        var simulator = await fixture.StartAsync(o => o with { InstalledApps = ["sale_management", "account"] });

        var error = await Assert.ThrowsAsync<LoadStartException>(() => InProcessRun.RunAsync(simulator, new QuoteToCashScenario(), users: 1, TimeSpan.FromSeconds(1)));

        Assert.Contains("quote-to-cash needs stock (Inventory)", error.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Schema;
using OdooPerf.LoadTests.Tests.Fixtures;
using OdooPerf.Odoo.Rpc;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Odoo;

/// <summary>
/// A flow never stops half-way silently: an answer without what the next step needs is a failed step
/// (<c>unexpected_answer</c>, the request counted), and the document it was working on is counted at the stage it was
/// left, as the database shows it.
/// </summary>
public sealed class FlowTrackingTests(SimulatorCluster fixture) : IClassFixture<SimulatorCluster>
{
    [Fact]
    public async Task An_answer_without_what_the_flow_needs_fails_the_step_and_the_document_is_counted_where_it_stopped()
    {
        var simulator = await fixture.StartAsync(o => o with { Customers = 5, Products = 5 });

        var (result, plan) = await InProcessRun.RunAsync(simulator, new ConfirmExpectingAnInvoice(), users: 2, TimeSpan.FromSeconds(2));

        var steps = InProcessRun.Steps(result, ConfirmExpectingAnInvoice.ScenarioName);
        var orders = steps["save"].Requests;
        Assert.True(orders >= 2, $"{orders} orders");
        Assert.Equal((orders, 0), steps["save"]);
        // action_confirm answers true, not an invoice: every confirm is a failed request of its own reason.
        Assert.Equal((orders, orders), steps["confirm"]);
        Assert.Equal(orders, result.Stats.AllSnapshots().Single(s => s.Step == "confirm").FailuresByReason[OdooIteration.UnexpectedAnswer]);
        Assert.Equal(simulator.Stats.Snapshot().TotalRequests, result.Stats.AllSnapshots().Single(s => s.Scenario is null).Requests);

        var unfinished = plan.Preflight.Data.Unfinished();
        Assert.Equal(orders, unfinished[ConfirmExpectingAnInvoice.ScenarioName][QuoteToCashScenario.Stages.Confirmed]);
        Assert.Equal(orders, await fixture.ScalarAsync<long>(simulator, "SELECT count(*) FROM sale_order WHERE state = 'sale' AND client_order_ref = 'flow-tracking'"));
    }

    /// <summary>Saves an order, confirms it and expects the confirm button to open an invoice (it does not).</summary>
    private sealed class ConfirmExpectingAnInvoice : OdooScenario
    {
        public const string ScenarioName = "confirm-expecting-invoice";

        public override string Name => ScenarioName;

        public override string Summary => "an order confirmed by a flow that wrongly expects an invoice";

        public override string? Writes => "sale orders";

        public override IReadOnlyList<string> RequiredApps => [OdooApps.Sales];

        public override IReadOnlyList<string> Models => ["res.partner", "sale.order"];

        public override object ResolveFields(ScenarioFields fields, OdooRunData run) => fields.Spec("sale.order", s => s.Fields("name", "state"));

        public override async Task PrepareAsync(OdooSetup setup)
        {
            var customers = await RecordPool.LoadAsync(setup, "preflight_customers", "res.partner", SeedData.Customers, OdooDomain.Where("customer_rank", ">", 0)).ConfigureAwait(false);
            setup.Run.Set(ScenarioName, customers);
        }

        public override async Task RunAsync(OdooIteration iteration)
        {
            var customer = iteration.Run.Get<RecordPool>(ScenarioName).Pick();
            using var progress = iteration.Document();
            var saved = await iteration.Save("save", "sale.order", [], new JsonObject { ["partner_id"] = customer.Id, ["client_order_ref"] = "flow-tracking" },
                iteration.Run.Forms<OdooSpecification>(ScenarioName)).ConfigureAwait(false);
            if (saved is null)
            {
                return;
            }

            var order = saved.GetId();
            progress.At(QuoteToCashScenario.Stages.Confirmed);
            if (await iteration.Call("confirm", (client, ct) => client.CallButtonAsync("sale.order", "action_confirm", [order], cancellationToken: ct),
                    OdooActions.ResId, "the button opened no invoice").ConfigureAwait(false) is null)
            {
                return;
            }

            progress.Finish();
        }
    }
}

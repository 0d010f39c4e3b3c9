using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Tests.Fixtures;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Odoo;

/// <summary>
/// Every scenario against the simulator playing each supported version, in that version's schema and with the calls
/// its web client makes (16's create-then-read saves, 18's storable flag, 19's renamed and removed fields,
/// web_name_search and formatted grouped reads): no failure, every request the server served counted once, the
/// documents the flow claims in the database, none left mid-flow, and no deprecation warning in the server's log.
/// </summary>
public sealed class EveryVersionTests(SimulatorCluster fixture) : IClassFixture<SimulatorCluster>
{
    public static TheoryData<string, string> VersionsAndScenarios()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { "16.0", "17.0", "18.0", "19.0" })
        {
            foreach (var (scenario, _) in ScenarioCatalog.All)
            {
                data.Add(version, scenario.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VersionsAndScenarios))]
    public async Task Every_scenario_runs_on_every_version_without_failures_and_does_what_it_claims(string version, string scenarioName)
    {
        var scenario = ScenarioCatalog.Find(scenarioName)!;
        var simulator = await fixture.StartAsync(o => o with { Version = version, Customers = 10, Vendors = 5, Products = 10, StockPerProduct = 1000 });

        var (result, plan) = await InProcessRun.RunAsync(simulator, scenario, users: 2, TimeSpan.FromSeconds(3));

        Assert.True(result.Stats.AllSnapshots().All(s => s.Failed == 0), $"Odoo {version}: {InProcessRun.Failures(result)}");
        Assert.Equal(simulator.Stats.Snapshot().TotalRequests, result.Stats.AllSnapshots().Single(s => s.Scenario is null).Requests);
        Assert.Empty(plan.Preflight.Data.Unfinished());
        var log = await File.ReadAllTextAsync(fixture.LogFile(simulator));
        Assert.DoesNotContain("DeprecationWarning", log, StringComparison.Ordinal);

        var steps = InProcessRun.Steps(result, scenarioName);
        if (Claims(scenarioName) is var (step, sql))
        {
            var done = steps[step].Requests;
            Assert.True(done >= 2, $"{done} × {step}");
            Assert.Equal(done, await fixture.ScalarAsync<long>(simulator, sql));
        }
        else
        {
            Assert.True(steps.Where(s => !s.Key.StartsWith("preflight_", StringComparison.Ordinal) && s.Key != "login").Sum(s => s.Value.Requests) >= 4);
        }
    }

    // What each writing flow's iterations leave in the database: one finished document per document started.
    private static (string Step, string Sql)? Claims(string scenario) => scenario switch
    {
        QuoteToCashScenario.ScenarioName => ("save_quotation",
            "SELECT count(*) FROM account_move WHERE move_type = 'out_invoice' AND state = 'posted' AND payment_state IN ('paid', 'in_payment')"),
        ProcureToPayScenario.ScenarioName => ("save_rfq",
            "SELECT count(*) FROM account_move WHERE move_type = 'in_invoice' AND state = 'posted' AND invoice_date IS NOT NULL"),
        InventoryScenario.ScenarioName => ("save_transfer",
            "SELECT count(*) FROM stock_picking WHERE state = 'done' AND origin LIKE 'odooperf-load%' AND picking_type_id IN (SELECT id FROM stock_picking_type WHERE code = 'internal')"),
        CrmScenario.ScenarioName => ("save_lead",
            "SELECT count(*) FROM crm_lead l JOIN crm_stage s ON s.id = l.stage_id WHERE l.type = 'opportunity' AND s.is_won AND l.contact_name LIKE 'odooperf-load%'"),
        _ => null,
    };
}

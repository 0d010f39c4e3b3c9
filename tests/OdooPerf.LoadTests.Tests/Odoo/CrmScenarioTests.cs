using OdooPerf.Load.Scenarios;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Tests.Fixtures;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Odoo;

public sealed class CrmScenarioTests(SimulatorCluster fixture) : IClassFixture<SimulatorCluster>
{
    [Fact]
    public async Task Leads_become_won_opportunities_with_quotations_without_failures()
    {
        var simulator = await fixture.StartAsync(o => o with { Customers = 10, Products = 10 });

        var (result, _) = await InProcessRun.RunAsync(simulator, new CrmScenario(), users: 3, TimeSpan.FromSeconds(4));

        Assert.True(result.Stats.AllSnapshots().All(s => s.Failed == 0), InProcessRun.Failures(result));
        var steps = InProcessRun.Steps(result, CrmScenario.ScenarioName);
        var leads = steps["save_lead"].Requests;
        Assert.True(leads >= 3, $"{leads} leads");
        foreach (var step in new[] { "pipeline", "pipeline_cards", "convert_dialog", "convert", "new_quotation", "save_quotation", "mark_won" })
        {
            Assert.Equal(leads, steps[step].Requests);
        }

        Assert.Equal(leads, await fixture.ScalarAsync<long>(simulator,
            "SELECT count(*) FROM crm_lead l JOIN crm_stage s ON s.id = l.stage_id WHERE l.type = 'opportunity' AND s.is_won AND l.partner_id IS NOT NULL AND l.contact_name = 'odooperf-load'"));
        Assert.Equal(leads, await fixture.ScalarAsync<long>(simulator,
            "SELECT count(*) FROM sale_order o JOIN crm_lead l ON l.id = o.opportunity_id WHERE o.partner_id = l.partner_id AND o.client_order_ref = 'odooperf-load'"));
        Assert.Equal(simulator.Stats.Snapshot().TotalRequests, result.Stats.AllSnapshots().Single(s => s.Scenario is null).Requests);
    }

    [Fact]
    public async Task Without_Sales_the_opportunity_is_won_without_a_quotation()
    {
        var simulator = await fixture.StartAsync(o => o with { InstalledApps = ["crm"] });

        var (result, _) = await InProcessRun.RunAsync(simulator, new CrmScenario(), users: 1, TimeSpan.FromSeconds(2));

        Assert.True(result.Stats.AllSnapshots().All(s => s.Failed == 0), InProcessRun.Failures(result));
        var steps = InProcessRun.Steps(result, CrmScenario.ScenarioName);
        Assert.False(steps.ContainsKey("new_quotation"));
        Assert.Equal(steps["save_lead"].Requests, steps["mark_won"].Requests);
    }

    [Fact]
    public async Task Without_CRM_the_run_does_not_start_and_says_which_app_is_missing()
    {
        var simulator = await fixture.StartAsync(o => o with { InstalledApps = ["sale_management"] });

        var error = await Assert.ThrowsAsync<LoadStartException>(() => InProcessRun.RunAsync(simulator, new CrmScenario(), users: 1, TimeSpan.FromSeconds(1)));

        Assert.Contains("crm needs crm (CRM)", error.Message, StringComparison.Ordinal);
    }
}

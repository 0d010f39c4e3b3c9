using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Tests.Fixtures;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Odoo;

public sealed class BrowseScenarioTests(SimulatorCluster fixture) : IClassFixture<SimulatorCluster>
{
    [Fact]
    public async Task Browse_reads_lists_and_forms_without_failures_and_every_request_is_counted()
    {
        var simulator = await fixture.StartAsync(o => o with { Customers = 30, Products = 20 });

        var (result, _) = await InProcessRun.RunAsync(simulator, new BrowseScenario(), users: 3, TimeSpan.FromSeconds(3));

        var steps = InProcessRun.Steps(result, BrowseScenario.ScenarioName);
        Assert.True(result.Stats.AllSnapshots().All(s => s.Failed == 0), InProcessRun.Failures(result));
        Assert.Equal(3, steps[OdooLoadPlan.LoginStep].Requests);
        Assert.True(steps["list_contacts"].Requests >= 3);
        foreach (var step in new[] { "search_contacts", "open_contact", "list_quotations", "search_products" })
        {
            Assert.Equal(steps["list_contacts"].Requests, steps[step].Requests);
        }

        // Everything the run sent, the preflight included, is in its counts.
        var whole = result.Stats.AllSnapshots().Single(s => s.Scenario is null);
        Assert.Equal(simulator.Stats.Snapshot().TotalRequests, whole.Requests);
        Assert.Equal(4, simulator.Stats.Snapshot().SessionsAuthenticated);
    }
}

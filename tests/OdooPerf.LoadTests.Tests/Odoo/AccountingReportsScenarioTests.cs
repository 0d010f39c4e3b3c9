using OdooPerf.Load.Scenarios;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Tests.Fixtures;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Odoo;

public sealed class AccountingReportsScenarioTests(SimulatorCluster fixture) : IClassFixture<SimulatorCluster>
{
    [Fact]
    public async Task The_reports_read_the_ledger_the_sales_made_without_failures()
    {
        var simulator = await fixture.StartAsync(o => o with { Customers = 10, Products = 10 });
        // A ledger to report on: invoices posted and paid by the quote-to-cash flow.
        await InProcessRun.RunAsync(simulator, new QuoteToCashScenario(), users: 2, TimeSpan.FromSeconds(2));
        var before = simulator.Stats.Snapshot().TotalRequests;

        var (result, _) = await InProcessRun.RunAsync(simulator, new AccountingReportsScenario(), users: 2, TimeSpan.FromSeconds(3));

        Assert.True(result.Stats.AllSnapshots().All(s => s.Failed == 0), InProcessRun.Failures(result));
        var steps = InProcessRun.Steps(result, AccountingReportsScenario.ScenarioName);
        var passes = steps["trial_balance"].Requests;
        Assert.True(passes >= 2, $"{passes} passes");
        foreach (var step in new[] { "trial_balance_account", "aged_receivable", "aged_receivable_by_month", "invoice_analysis", "invoice_analysis_by_product" })
        {
            Assert.Equal(passes, steps[step].Requests);
        }

        // Read-only: the scenario's requests wrote nothing.
        Assert.Equal(simulator.Stats.Snapshot().TotalRequests - before, result.Stats.AllSnapshots().Single(s => s.Scenario is null).Requests);
        Assert.True(result.Stats.Snapshot(AccountingReportsScenario.ScenarioName, "trial_balance").BytesReceived > passes * 200,
            "the trial balance came back without its groups");
    }

    [Fact]
    public async Task The_trial_balance_groups_give_the_accounts_to_expand()
    {
        var simulator = await fixture.StartAsync(o => o with { Customers = 5, Products = 5 });
        await InProcessRun.RunAsync(simulator, new QuoteToCashScenario(), users: 1, TimeSpan.FromSeconds(1));
        var target = InProcessRun.Target(simulator);
        using var http = new HttpClient { BaseAddress = target.BaseAddress };
        var client = target.CreateClient(http);
        await client.AuthenticateAsync();

        var groups = await client.WebReadGroupAsync("account.move.line", OdooPerf.Odoo.Rpc.OdooDomain.Where("parent_state", "=", "posted"), ["account_id"], ["balance:sum"]);

        var accounts = AccountingReportsScenario.GroupIds(groups.Result, "account_id");
        Assert.True(accounts.Count >= 3, $"{accounts.Count} accounts (receivable, income, bank expected)");
        Assert.Equal(await fixture.ScalarAsync<long>(simulator, "SELECT count(DISTINCT account_id) FROM account_move_line l JOIN account_move m ON m.id = l.move_id WHERE m.state = 'posted'"), accounts.Count);
    }

    [Fact]
    public async Task Without_Invoicing_the_run_does_not_start_and_says_which_app_is_missing()
    {
        var simulator = await fixture.StartAsync(o => o with { InstalledApps = ["crm"] });

        var error = await Assert.ThrowsAsync<LoadStartException>(() => InProcessRun.RunAsync(simulator, new AccountingReportsScenario(), users: 1, TimeSpan.FromSeconds(1)));

        Assert.Contains("accounting-reports needs account (Invoicing)", error.Message, StringComparison.Ordinal);
    }
}

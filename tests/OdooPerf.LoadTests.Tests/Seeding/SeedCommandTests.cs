using OdooPerf.Load.Running;
using OdooPerf.Testing;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Tests.Fixtures;
using OdooPerf.LoadTests.Tests.Odoo;
using OdooPerf.OdooSim;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Seeding;

/// <summary><c>odooperf-load seed</c> as a process against the simulator: what it creates, idempotence, cleanup, refusals.</summary>
public sealed class SeedCommandTests(SimulatorCluster fixture) : IClassFixture<SimulatorCluster>, IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Seed_creates_exactly_the_tagged_records_with_stock_and_a_second_run_changes_nothing()
    {
        var simulator = await fixture.StartAsync();

        var first = await LoadCommand.RunAsync([.. Seed(simulator), "--customers", "150", "--vendors", "7", "--products", "12", "--stock-per-product", "250", "--allow-writes"]);

        Output.AssertExit(first, 0);
        Assert.Equal(150, await CountAsync(simulator, "res_partner WHERE ref LIKE 'odooperf-c-%' AND customer_rank > 0 AND is_company"));
        Assert.Equal(7, await CountAsync(simulator, "res_partner WHERE ref LIKE 'odooperf-v-%' AND supplier_rank > 0"));
        Assert.Equal(12, await CountAsync(simulator, "product_product p JOIN product_template t ON t.id = p.product_tmpl_id WHERE p.default_code LIKE 'ODOOPERF-%' AND t.detailed_type = 'product' AND t.sale_ok AND t.purchase_ok"));
        Assert.Equal(12, await CountAsync(simulator, "stock_quant q JOIN product_product p ON p.id = q.product_id JOIN stock_location l ON l.id = q.location_id WHERE p.default_code LIKE 'ODOOPERF-%' AND l.complete_name = 'WH/Stock' AND q.quantity = 250"));
        Assert.Contains("customers: 150 tagged (150 created, 0 already there)", first.StandardOutput, StringComparison.Ordinal);

        var before = simulator.Stats.Snapshot().CallsByModelMethod.GetValueOrDefault("res.partner.create");
        var second = await LoadCommand.RunAsync([.. Seed(simulator), "--customers", "150", "--vendors", "7", "--products", "12", "--allow-writes"]);

        Output.AssertExit(second, 0);
        Assert.Contains("customers: 150 tagged (0 created, 150 already there)", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(before, simulator.Stats.Snapshot().CallsByModelMethod.GetValueOrDefault("res.partner.create"));
        Assert.Equal(150, await CountAsync(simulator, "res_partner WHERE ref LIKE 'odooperf-c-%'"));
        AssertNoPassword(first);
    }

    [Fact]
    public async Task The_scenarios_use_the_seeded_records_and_cleanup_deletes_them_or_archives_those_documents_use()
    {
        var simulator = await fixture.StartAsync();
        Output.AssertExit(await LoadCommand.RunAsync([.. Seed(simulator), "--customers", "5", "--products", "5", "--allow-writes"]), 0);
        // One quotation for a seeded customer and product: both now have a document referring to them.
        await InProcessRun.RunAsync(simulator, new QuoteToCashScenario(), users: 1, TimeSpan.FromMilliseconds(300));
        var used = await CountAsync(simulator, "res_partner WHERE ref LIKE 'odooperf-c-%' AND id IN (SELECT partner_id FROM sale_order)");
        Assert.True(used >= 1, "the scenario did not use a seeded customer");

        var cleanup = await LoadCommand.RunAsync([.. Seed(simulator), "--cleanup", "--allow-writes"]);

        Output.AssertExit(cleanup, 0);
        Assert.Equal(used, await CountAsync(simulator, "res_partner WHERE ref LIKE 'odooperf-c-%' AND NOT active"));
        Assert.Equal(0, await CountAsync(simulator, "res_partner WHERE ref LIKE 'odooperf-c-%' AND active"));
        Assert.Equal(0, await CountAsync(simulator, "product_product WHERE default_code LIKE 'ODOOPERF-%' AND active"));
        Assert.Contains($"customers: {5 - used} deleted, {used} archived", cleanup.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("sale orders", cleanup.StandardOutput, StringComparison.Ordinal);

        // Seeding again brings the archived ones back rather than making duplicates.
        var again = await LoadCommand.RunAsync([.. Seed(simulator), "--customers", "5", "--allow-writes"]);
        Output.AssertExit(again, 0);
        Assert.Equal(5, await CountAsync(simulator, "res_partner WHERE ref LIKE 'odooperf-c-%' AND active"));
        Assert.Equal(5, await CountAsync(simulator, "res_partner WHERE ref LIKE 'odooperf-c-%'"));
    }

    [Fact]
    public async Task Documents_a_failing_run_leaves_mid_flow_are_counted_alike_by_the_run_and_by_cleanup()
    {
        var simulator = await fixture.StartAsync(o => o with { Customers = 10, Products = 10, StockPerProduct = 10000 });
        var plan = new OdooLoadPlan(InProcessRun.Target(simulator), ScenarioMix.Single(new QuoteToCashScenario()), 3,
            new LoadProfile(TimeSpan.Zero, TimeSpan.FromSeconds(4), TimeSpan.Zero), ThinkTime.None);
        var runner = new LoadRunner(new LoadRunOptions { Scenarios = plan.Scenarios, GracefulStop = TimeSpan.FromSeconds(60) });
        var run = runner.RunAsync();
        // Faults once the preflight is done (it would retry them), so business calls fail at random, before they run.
        while (!plan.Preflight.IsDone && !run.IsCompleted)
        {
            await Task.Delay(10);
        }

        simulator.Faults = new FaultSettings { ErrorRate = 0.08 };
        await run;
        simulator.Faults = FaultSettings.None;

        var left = plan.Preflight.Data.Unfinished().GetValueOrDefault(QuoteToCashScenario.ScenarioName) ?? new Dictionary<string, long>();
        var neverConfirmed = left.GetValueOrDefault(QuoteToCashScenario.Stages.Quotation);
        var notInvoiced = left.GetValueOrDefault(QuoteToCashScenario.Stages.Confirmed) + left.GetValueOrDefault(QuoteToCashScenario.Stages.Delivered);
        Assert.True(left.Values.Sum() > 0, "no document was left mid-flow: the faults did not bite");
        Assert.Equal(neverConfirmed, await CountAsync(simulator, "sale_order WHERE client_order_ref LIKE 'odooperf-load%' AND state IN ('draft', 'sent')"));

        var cleanup = await LoadCommand.RunAsync([.. Seed(simulator), "--cleanup", "--allow-writes"]);

        Output.AssertExit(cleanup, 0);
        var line = cleanup.StandardOutput.Split('\n').Single(l => l.StartsWith("left in place", StringComparison.Ordinal));
        var seen = $"run: {string.Join(", ", left.Select(l => $"{l.Value} {l.Key}"))}; cleanup: {line}";
        Assert.True(neverConfirmed > 0 == line.Contains($"{neverConfirmed} quotations never confirmed", StringComparison.Ordinal), seen);
        Assert.True(notInvoiced > 0 == line.Contains($"{notInvoiced} confirmed, not fully invoiced", StringComparison.Ordinal), seen);
        Assert.Contains("Customer Reference starting with odooperf-load", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Storage_Locations_the_inventory_scenario_is_refused_saying_what_to_do_and_seed_turns_it_on()
    {
        var simulator = await fixture.StartAsync(o => o with { Products = 5 });
        // A fresh database: Storage Locations off, so the warehouse's internal transfer type is archived.
        await fixture.Cluster.ExecuteAsync("UPDATE stock_picking_type SET active = false WHERE code = 'internal'", simulator.DatabaseName);
        string[] inventory = ["run", "--target", simulator.BaseUrl, "--db", simulator.DatabaseName, "--login", SimulatorCluster.Login, "--password-file", PasswordFile(SimulatorCluster.Password),
            "--scenario", "inventory", "--expected-users", "1", "--ramp-up", "0", "--duration", "2s", "--ramp-down", "0", "--think-time", "0", "--allow-writes", "--plain",
            "--report-dir", _files.Join("reports")];

        var refused = await LoadCommand.RunAsync(inventory);

        Output.AssertExit(refused, 3);
        Assert.Contains("turn on Storage Locations", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("'odooperf-load seed --allow-writes'", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("weight 0 in a --mix file", refused.StandardError, StringComparison.Ordinal);

        var seeded = await LoadCommand.RunAsync([.. Seed(simulator), "--products", "5", "--allow-writes"]);

        Output.AssertExit(seeded, 0);
        Assert.Contains("storage locations: turned on", seeded.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(simulator, "stock_picking_type WHERE code = 'internal' AND active"));
        Assert.Contains("storage locations: on", (await LoadCommand.RunAsync([.. Seed(simulator), "--products", "5", "--allow-writes"])).StandardOutput, StringComparison.Ordinal);
        Output.AssertExit(await LoadCommand.RunAsync(inventory), 0);
    }

    [Fact]
    public async Task Writes_need_allow_writes_and_an_unprotected_database_and_nothing_is_sent_otherwise()
    {
        var simulator = await fixture.StartAsync();

        Output.AssertOneLineError(await LoadCommand.RunAsync([.. Seed(simulator), "--customers", "3"]), 2, "add --allow-writes");
        Output.AssertOneLineError(await LoadCommand.RunAsync([.. Seed(simulator), "--cleanup"]), 2, "add --allow-writes");
        Output.AssertOneLineError(await LoadCommand.RunAsync([.. Seed(simulator), "--customers", "3", "--allow-writes", "--protect", "SIM_*"]), 2,
            $"refusing to write to database '{simulator.DatabaseName}': its name matches the protected pattern 'SIM_*'");
        Output.AssertOneLineError(await LoadCommand.RunAsync([.. Seed(simulator), "--allow-writes"]), 2, "nothing to seed");
        Output.AssertOneLineError(await LoadCommand.RunAsync([.. Seed(simulator), "--customers", "-3", "--allow-writes"]), 2, "invalid --customers '-3'");
        Output.AssertOneLineError(await LoadCommand.RunAsync([.. Seed(simulator), "--cleanup", "--customers", "3", "--allow-writes"]), 2, "--cleanup removes every seeded record");

        Assert.Equal(0, simulator.Stats.Snapshot().TotalRequests);
    }

    [Fact]
    public async Task The_default_protection_refuses_a_production_looking_database()
    {
        var result = await LoadCommand.RunAsync(["seed", "--target", "http://127.0.0.1:9", "--db", "erp_PROD_copy", "--login", "admin",
            "--password-file", PasswordFile(SimulatorCluster.Password), "--customers", "1", "--allow-writes"]);

        Output.AssertOneLineError(result, 2, "matches the protected pattern '*prod*'");
    }

    [Fact]
    public async Task A_wrong_password_is_exit_3_on_one_line_without_the_password()
    {
        var simulator = await fixture.StartAsync();

        var result = await LoadCommand.RunAsync([.. Seed(simulator, "wrong-password-123"), "--customers", "1", "--allow-writes"]);

        Output.AssertOneLineError(result, 3, "wrong login or password (AccessDenied)");
        Assert.DoesNotContain("wrong-password-123", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(simulator, "res_partner WHERE ref LIKE 'odooperf-%'"));
    }

    private Task<long> CountAsync(OdooSimulator simulator, string from) => fixture.ScalarAsync<long>(simulator, $"SELECT count(*) FROM {from}");

    private string[] Seed(OdooSimulator simulator, string password = SimulatorCluster.Password) =>
        ["seed", "--target", simulator.BaseUrl, "--db", simulator.DatabaseName, "--login", SimulatorCluster.Login, "--password-file", PasswordFile(password)];

    private string PasswordFile(string password)
    {
        var file = _files.Join($"password-{Guid.NewGuid():N}");
        File.WriteAllText(file, password + "\n");
        return file;
    }

    private static void AssertNoPassword(OdooPerf.Testing.ProcessResult result) =>
        Assert.DoesNotContain(SimulatorCluster.Password, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
}

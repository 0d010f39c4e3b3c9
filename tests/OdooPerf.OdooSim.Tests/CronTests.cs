using OdooPerf.OdooSim.Cron;
using OdooPerf.Odoo.Logs;
using Xunit;

namespace OdooPerf.OdooSim.Tests;

/// <summary>The simulated cron thread: real queries, each run logged as the version's ir_cron logs it and read back by the collector's parser.</summary>
public sealed class CronTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Theory]
    [InlineData("16.0", "Job `Mail: Email Queue Manager` done.")]
    [InlineData("17.0", "Job done: `Mail: Email Queue Manager` (")]
    [InlineData("18.0", "Job 'Mail: Email Queue Manager' (1) done in ")]
    public async Task Each_run_logs_a_start_and_an_end_or_a_failure_with_the_database_error(string version, string doneLine)
    {
        var sim = await fixture.StartAsync(version, o => o with
        {
            CronInterval = TimeSpan.FromMilliseconds(200),
            CronJobs = [new SimulatedCronJob(1, "Mail: Email Queue Manager"), new SimulatedCronJob(7, "Mail: Fetchmail Service", Fails: true)],
        });
        while (sim.CronRuns < 4)
        {
            await Task.Delay(50);
        }

        await sim.DisposeAsync();
        var entries = (await CapturedLog.ReadAsync(fixture.LogFile(sim))).Entries.Where(e => e.Logger == "odoo.addons.base.models.ir_cron").ToList();

        Assert.True(entries.Count(e => e.Kind == OdooLogEntryKind.CronStarted) >= 4);
        var done = entries.Where(e => e.Kind == OdooLogEntryKind.CronDone).ToList();
        Assert.NotEmpty(done);
        Assert.All(done, e => Assert.StartsWith(doneLine, e.Message, StringComparison.Ordinal));
        var failed = entries.Where(e => e.Kind == OdooLogEntryKind.CronFailed).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, e => Assert.Equal(("Error", "psycopg2.errors.UndefinedTable"), (e.Level, e.ExceptionType)));
    }

    [Fact]
    public async Task Odoo_19_cron_is_not_simulated()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.StartAsync("19.0", o => o with { CronInterval = TimeSpan.FromSeconds(1) }));
        Assert.Contains("16.0 to 18.0", error.Message, StringComparison.Ordinal);
    }
}

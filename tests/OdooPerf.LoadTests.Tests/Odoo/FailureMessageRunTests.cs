using System.Text;
using OdooPerf.Load.Reports;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Tests.Fixtures;
using OdooPerf.OdooSim;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Odoo;

/// <summary>What Odoo answered when a call failed reaches report.json and report.md, not only the exception's name.</summary>
public sealed class FailureMessageRunTests(SimulatorCluster fixture) : IClassFixture<SimulatorCluster>
{
    private const string InjectedMessage = "Simulated failure (odoosim error injection).";

    [Fact]
    public async Task A_user_error_from_the_server_is_in_the_report_with_its_text_and_count()
    {
        // A low rate: the preflight retries a failed call, and three failures in a row would stop the run.
        var simulator = await fixture.StartAsync(o => o with
        {
            Customers = 30,
            Products = 20,
            Faults = new FaultSettings { ErrorRate = 0.05, ErrorKind = FaultErrorKind.UserError },
        });

        var (result, _) = await InProcessRun.RunAsync(simulator, new BrowseScenario(), users: 2, TimeSpan.FromSeconds(3));
        var built = LoadReportBuilder.Build(result, "browse with errors");
        var report = LoadReportJson.Parse(Encoding.UTF8.GetBytes(LoadReportJson.ToJson(built)), "report.json");

        var userErrors = report.Totals.FailuresByReason.GetValueOrDefault("UserError");
        Assert.True(userErrors > 0, "the simulator should have refused some calls: " + InProcessRun.Failures(result));

        // Every refused call carried the simulator's message: one entry for the run, counting them all.
        var message = Assert.Single(report.FailureMessages);
        Assert.Equal(("UserError", InjectedMessage, userErrors), (message.Reason, message.Message, message.Count));
        Assert.NotNull(message.FirstStep);
        Assert.InRange(message.FirstAt, report.StartedAt.AddMinutes(-1), report.EndedAt);

        foreach (var step in report.Scenarios.SelectMany(s => s.Steps).Where(s => s.Failed > 0))
        {
            var own = Assert.Single(step.FailureMessages);
            Assert.Equal((InjectedMessage, step.FailuresByReason["UserError"]), (own.Message, own.Count));
        }

        Assert.Contains($" × `{InjectedMessage}` (first ", MarkdownReportWriter.Write(report), StringComparison.Ordinal);
        Assert.DoesNotContain(SimulatorCluster.Password, LoadReportJson.ToJson(report), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using OdooPerf.Odoo.Logs;
using Xunit;

namespace OdooPerf.OdooSim.Tests;

/// <summary>The counters tests rely on (exact under concurrency) and the log, read back with the collector's parser.</summary>
public sealed class CountersAndLogTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task N_concurrent_clients_give_peaks_of_exactly_N()
    {
        const int n = 8;
        await using var sim = await fixture.StartAsync();
        var clients = Enumerable.Range(0, n).Select(_ => new OdooTestClient(sim.BaseUrl)).ToList();
        try
        {
            foreach (var client in clients)
            {
                await client.AuthenticateAsync(sim.DatabaseName);
            }

            Assert.Equal(n, sim.Stats.ActiveSessions);
            sim.Stats.ResetPeaks();
            // Long enough for every call to be in flight at once, even on a busy machine.
            sim.Faults = sim.Faults with { FixedLatency = TimeSpan.FromMilliseconds(800) };

            await Task.WhenAll(clients.Select(c => c.KwAsync("res.partner", "search_count", [new JsonArray()])));
            sim.Faults = FaultSettings.None;
            await clients[0].PostAsync("/web/session/destroy", []);
            await clients[1].PostAsync("/web/session/destroy", []);

            var stats = sim.Stats.Snapshot();
            Assert.Equal(n, stats.PeakInFlight);
            Assert.Equal(n, stats.PeakSessionsInFlight);
            Assert.Equal(n, stats.PeakActiveSessions);
            Assert.Equal(n, stats.SessionsAuthenticated);
            Assert.Equal(n - 2, stats.ActiveSessions);
            Assert.Equal(0, stats.InFlight);
            Assert.Equal(0, stats.SessionsInFlight);
            Assert.Equal(n, stats.CallsByModelMethod["res.partner.search_count"]);
            Assert.Equal((2 * n) + 2, stats.TotalRequests);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task The_log_parses_with_the_collector_parser_and_has_one_request_line_per_request()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        (await client.GetAsync("/web/health")).Dispose();
        (await client.GetAsync("/no/such/page")).Dispose();
        await client.PostAsync("/web/webclient/version_info", []);
        await client.PostAsync("/web/session/authenticate", new JsonObject { ["db"] = sim.DatabaseName, ["login"] = "admin", ["password"] = "nope" });
        await client.CallAsync("res.partner", "search", [new JsonArray()]);
        await client.AuthenticateAsync(sim.DatabaseName);
        await client.KwAsync("res.partner", "search_read", [new JsonArray()], new JsonObject { ["fields"] = new JsonArray("name"), ["limit"] = 5 });
        await client.CallAsync("res.partner", "no_such_method", [new JsonArray()]);
        await client.CallAsync("sale.order", "action_confirm", [new JsonArray(999)]);
        sim.Faults = new FaultSettings { PostgresSleep = TimeSpan.FromMilliseconds(300) };
        await client.KwAsync("res.partner", "search_count", [new JsonArray()]);
        // Timers may fire a millisecond early: the checks below leave that margin.
        sim.Faults = new FaultSettings { FixedLatency = TimeSpan.FromMilliseconds(300) };
        await client.KwAsync("res.partner", "search_count", [new JsonArray()]);
        sim.Faults = FaultSettings.None;
        (await client.GetAsync("/__sim/stats")).Dispose();

        await sim.FlushLogAsync();
        var log = await CapturedLog.ReadAsync(fixture.LogFile(sim));

        Assert.Empty(log.Unparsed);
        var requests = log.Requests.ToList();
        Assert.Equal(sim.Stats.TotalRequests, requests.Count);
        Assert.Equal(11, requests.Count);
        Assert.All(requests, r => Assert.True(r.HasPerformance));
        Assert.All(requests, r => Assert.Equal("werkzeug", r.Logger));
        Assert.All(log.Entries, e => Assert.Equal(sim.DatabaseName, e.Database));
        Assert.Equal(["/web/health", "/no/such/page", "/web/webclient/version_info", "/web/session/authenticate"], requests.Take(4).Select(r => r.Path));
        Assert.Equal(404, requests[1].Status);
        Assert.Single(log.Entries, e => e.Kind == OdooLogEntryKind.LoginFailed);
        Assert.Single(log.Entries, e => e.Kind == OdooLogEntryKind.LoginSucceeded);
        var traceback = Assert.Single(log.Entries, e => e.Kind == OdooLogEntryKind.Traceback);
        Assert.Equal("Exception during request handling.", traceback.Message);
        Assert.Equal("AttributeError", traceback.ExceptionType);
        Assert.Contains(log.Entries, e => e is { Level: "Warning", Logger: "odoo.http" } && e.Message.StartsWith("Record does not exist or has been deleted.", StringComparison.Ordinal));
        Assert.Contains(log.Entries, e => e is { Level: "Info", Logger: "odoo.http", Message: "Session expired" });

        var searchRead = requests.Single(r => r.Path == "/web/dataset/call_kw/res.partner/search_read");
        Assert.True(searchRead.SqlQueries >= 2, $"search_read ran {searchRead.SqlQueries} queries");
        var slowSql = requests[^2];
        Assert.True(slowSql.SqlSeconds >= 0.29, $"pg_sleep shows as SQL time: {slowSql.SqlSeconds}");
        Assert.True(slowSql.RemainingSeconds < 0.25, $"and not as Python time: {slowSql.RemainingSeconds}");
        var slowPython = requests[^1];
        Assert.True(slowPython.RemainingSeconds >= 0.29, $"latency shows as remaining time: {slowPython.RemainingSeconds}");
        Assert.True(slowPython.SqlSeconds < 0.25, $"and not as SQL time: {slowPython.SqlSeconds}");
    }

    [Fact]
    public async Task On_a_server_with_several_databases_requests_without_a_session_log_a_question_mark()
    {
        await using var sim = await fixture.StartAsync(configure: o => o with { MultiDatabase = true });
        using var client = new OdooTestClient(sim.BaseUrl);
        (await client.GetAsync("/web/health")).Dispose();
        await client.AuthenticateAsync(sim.DatabaseName);
        await client.KwAsync("res.partner", "search_count", [new JsonArray()]);

        await sim.FlushLogAsync();
        var requests = (await CapturedLog.ReadAsync(fixture.LogFile(sim))).Requests.ToList();

        Assert.Equal(["?", sim.DatabaseName, sim.DatabaseName], requests.Select(r => r.Database));
        Assert.All(requests, r => Assert.True(r.HasPerformance));
    }

    [Fact]
    public async Task Stats_are_served_as_json_outside_the_counted_traffic()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        using var response = await client.GetAsync("/__sim/stats");
        var stats = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, stats["totalRequests"]!.GetValue<long>());
        Assert.Equal(1, stats["requestsByPath"]!["/web/session/authenticate"]!.GetValue<long>());
        Assert.Equal(1, stats["activeSessions"]!.GetValue<int>());
        Assert.Equal(1, sim.Stats.TotalRequests);
        Assert.Equal(1, sim.LoggedRequests);
    }
}

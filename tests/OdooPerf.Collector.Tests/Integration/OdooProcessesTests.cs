using System.Diagnostics;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Integration;

/// <summary>
/// The odoo_processes source against real processes shaped like an Odoo prefork server: a Python
/// "odoo-bin" master that forks two workers (keeping its command line, as Odoo does without
/// setproctitle) and spawns "odoo-bin gevent" as Odoo's long-polling server.
/// </summary>
public sealed class OdooProcessesTests : IAsyncLifetime
{
    // Mirrors the process structure of odoo/service/server.py (PreforkServer), nothing more. Every
    // process sleeps at most 120 s, so nothing outlives a test run even if it is killed.
    private const string FakeOdooBin = """
        import os, subprocess, sys, time
        if len(sys.argv) > 1 and sys.argv[1] == "gevent":
            time.sleep(120)
            sys.exit(0)
        for _ in range(2):
            if os.fork() == 0:
                time.sleep(120)
                os._exit(0)
        subprocess.Popen([sys.executable, sys.argv[0], "gevent"] + sys.argv[1:])
        time.sleep(120)
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("odooperf-fake-odoo-").FullName;

    // A script name of this test's own, given to the collector as Odoo's executable name: the counts then cover only
    // the processes this test started, even next to a real Odoo on the same machine.
    private readonly string _scriptName = $"odoo-bin-test-{Guid.NewGuid():N}"[..24];
    private Process? _master;

    private Dictionary<string, string?> CollectorEnvironment() => new()
    {
        ["ODOOPERF_SCRAPE__CACHETTL"] = "00:00:00",
        ["ODOOPERF_OdooProcesses__ExecutableNames__0"] = _scriptName,
    };

    public async Task InitializeAsync()
    {
        var python = ExternalTool.Require(ExternalTool.Python3);
        var script = Path.Join(_directory, _scriptName);
        await File.WriteAllTextAsync(script, FakeOdooBin.Replace("\r", string.Empty, StringComparison.Ordinal));
        var start = new ProcessStartInfo(python) { UseShellExecute = false };
        foreach (var argument in new[] { script, "--workers=2", "--config", "/etc/odoo/odoo.conf" })
        {
            start.ArgumentList.Add(argument);
        }

        _master = Process.Start(start)!;
    }

    public async Task DisposeAsync()
    {
        if (_master is not null)
        {
            _master.Kill(entireProcessTree: true);
            await _master.WaitForExitAsync();
            _master.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Counts_the_master_its_workers_and_the_gevent_server_by_role()
    {
        await using var collector = await CollectorProcess.StartAsync(environment: CollectorEnvironment());

        // The workers and the gevent process appear within moments of the master's start.
        PrometheusText scrape;
        var deadline = Stopwatch.StartNew();
        do
        {
            scrape = await collector.ScrapeAsync();
            if (scrape.Value("odoo_workers", ("role", "gevent")) >= 1 && scrape.Value("odoo_workers", ("role", "worker")) >= 2)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (deadline.Elapsed < TimeSpan.FromSeconds(15));

        Assert.Equal(1, scrape.Value("odoo_workers", ("role", "main")));
        Assert.Equal(2, scrape.Value("odoo_workers", ("role", "worker")));
        Assert.Equal(1, scrape.Value("odoo_workers", ("role", "gevent")));
        Assert.Equal(0, scrape.Value("odoo_workers", ("role", "http")));

        var sum = scrape.Value("odoo_worker_resident_memory_bytes", ("role", "worker"), ("stat", "sum"));
        var max = scrape.Value("odoo_worker_resident_memory_bytes", ("role", "worker"), ("stat", "max"));
        Assert.InRange(max, 1024 * 1024, sum);
        Assert.True(scrape.Value("odoo_worker_virtual_memory_bytes", ("role", "main"), ("stat", "max")) > sum / 2);
    }

    [Fact]
    public async Task Series_of_a_role_disappear_when_its_processes_exit()
    {
        await using var collector = await CollectorProcess.StartAsync(environment: CollectorEnvironment());
        var deadline = Stopwatch.StartNew();
        while ((await collector.ScrapeAsync()).Value("odoo_workers", ("role", "main")) < 1 && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }

        _master!.Kill(entireProcessTree: true);
        await _master.WaitForExitAsync();
        var after = await collector.ScrapeAsync();

        Assert.Equal(0, after.Value("odoo_workers", ("role", "main")));
        Assert.DoesNotContain(after.Family("odoo_worker_resident_memory_bytes"), s => s.Label("role") == "main");
    }
}

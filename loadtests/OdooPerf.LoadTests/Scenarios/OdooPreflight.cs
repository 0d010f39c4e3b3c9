using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OdooPerf.Load.Scenarios;
using OdooPerf.LoadTests.Schema;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// Runs once before the load, whatever the number of scenarios: logs in with its own session, asks which apps are
/// installed, refuses a scenario whose apps are missing (exit 3 with the list), reads the schema of every model the
/// scenarios touch and lets each build what it sends from it (refusing the run, exit 3, with every missing model and
/// field named at once), lets each scenario prepare its data, and logs out so its session does not count as a user. Every request is recorded as a <c>preflight_*</c> step of
/// the first scenario, so the run's request count is everything the server saw.
/// </summary>
internal sealed class OdooPreflight(OdooTarget target, IReadOnlyList<OdooScenario> scenarios)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OdooRunData? _data;

    /// <summary>True once the preflight has run and succeeded.</summary>
    public bool IsDone => _data is not null;

    /// <summary>The data once a scenario's init has run the preflight.</summary>
    public OdooRunData Data => _data ?? throw new InvalidOperationException("the preflight has not run");

    /// <summary>The init of every scenario of the run: the first runs the preflight, the others find it done.</summary>
    public async Task InitAsync(ScenarioInitContext init)
    {
        await _gate.WaitAsync(init.CancellationToken).ConfigureAwait(false);
        try
        {
            _data ??= await RunAsync(init).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<OdooRunData> RunAsync(ScenarioInitContext init)
    {
        using var http = VirtualUserHttp.Create(target.BaseAddress, cookies: true, target.Timeout, maxConnections: 1);
        var client = target.CreateClient(http);
        var session = await LoginAsync(init, client).ConfigureAwait(false);

        var version = session.ServerVersion ?? client.ServerVersion ?? await AskVersionAsync(init, client).ConfigureAwait(false);
        if (client.Protocol == OdooProtocol.JsonRpc && version.HasJson2)
        {
            // Odoo 19 deprecates /jsonrpc and /xmlrpc (removal planned in 20): each call would put a warning in the
            // server's log, which is not the load a real client of 19 makes.
            init.Logger.LogWarning(
                "Odoo {Version} deprecates /jsonrpc and logs a warning for every call; use --protocol json2 with an API key (what --protocol auto chooses on 19)",
                version);
        }

        var installed = await InstalledAppsAsync(init, client).ConfigureAwait(false);
        CheckApps(installed);
        var data = new OdooRunData { Version = version, InstalledApps = installed, Uid = session.Uid };

        var setup = new OdooSetup(init, client, data);
        var schema = await ServerSchemaReader.ReadAsync(setup, scenarios.SelectMany(s => s.Models)).ConfigureAwait(false);
        ResolveFields(new ServerFields(schema), data);
        foreach (var scenario in scenarios)
        {
            await scenario.PrepareAsync(setup).ConfigureAwait(false);
        }

        await init.Step("preflight_logout", async () =>
        {
            var requests = await client.LogoutAsync(init.CancellationToken).ConfigureAwait(false);
            return requests == 0 ? StepResult.Ignored : StepResult.Ok(200);
        }).ConfigureAwait(false);
        return data;
    }

    private async Task<OdooSession> LoginAsync(ScenarioInitContext init, OdooClient client)
    {
        OdooSession? session = null;
        OdooException? failure = null;
        await init.Step("preflight_login", async () =>
        {
            try
            {
                session = await client.AuthenticateAsync(init.CancellationToken).ConfigureAwait(false);
                var response = session.Response;
                return StepResult.Ok(response.StatusCode, response.BytesSent, response.BytesReceived);
            }
            catch (OdooException e)
            {
                failure = e;
                return StepResult.Fail(e.Reason, e.StatusCode, e.BytesSent, e.BytesReceived, e.Message);
            }
        }).ConfigureAwait(false);

        if (failure is not null)
        {
            throw new LoadStartException(failure is OdooRpcException { IsAccessDenied: true }
                ? $"cannot log in to {target.Display} as {target.Credentials.Login} on database {target.Credentials.Database}: wrong login or password (AccessDenied)"
                : $"cannot log in to {target.Display}: {failure.Reason}: {failure.Message}", failure);
        }

        return session!;
    }

    // A login over /jsonrpc says nothing of the version: ask, as the web client's version_info does.
    private async Task<OdooServerVersion> AskVersionAsync(ScenarioInitContext init, OdooClient client)
    {
        await new OdooSetup(init, client, run: null).Call("preflight_version", (c, ct) => c.VersionInfoAsync(ct)).ConfigureAwait(false);
        return client.ServerVersion ?? throw new LoadStartException($"{target.Display} did not say which Odoo version it runs");
    }

    private static async Task<IReadOnlySet<string>> InstalledAppsAsync(ScenarioInitContext init, OdooClient client)
    {
        var setup = new OdooSetup(init, client, run: null);
        var response = await setup.Call("preflight_apps", (client, ct) => client.SearchReadAsync(
            "ir.module.module",
            OdooDomain.Where("name", "in", new JsonArray(OdooApps.All.Select(app => (JsonNode?)JsonValue.Create(app)).ToArray())).And("state", "=", "installed"),
            ["name"],
            cancellationToken: ct)).ConfigureAwait(false);
        var installed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in response.GetRecords().EnumerateArray())
        {
            if (module.TryGetProperty("name", out var name) && name.GetString() is { } text)
            {
                installed.Add(text);
            }
        }

        return installed;
    }

    private void ResolveFields(ServerFields fields, OdooRunData data)
    {
        foreach (var scenario in scenarios)
        {
            data.SetForms(scenario.Name, scenario.ResolveFields(fields.For(scenario.Name), data));
        }

        var missing = fields.Missing();
        if (missing.Count > 0)
        {
            throw new LoadStartException(
                $"Odoo {data.Version} on database {target.Credentials.Database} lacks what the scenarios need: {string.Join("; ", missing)}. " +
                "No load was sent. Install or upgrade the modules that provide them, or leave these scenarios out (--scenario, or weight 0 in --mix)");
        }
    }

    private void CheckApps(IReadOnlySet<string> installed)
    {
        var problems = scenarios
            .Select(s => (s.Name, Missing: s.RequiredApps.Where(app => !installed.Contains(app)).Select(OdooApps.Describe).ToArray()))
            .Where(s => s.Missing.Length > 0)
            .Select(s => $"{s.Name} needs {string.Join(", ", s.Missing)}")
            .ToArray();
        if (problems.Length > 0)
        {
            throw new LoadStartException(
                $"apps missing on database {target.Credentials.Database}: {string.Join("; ", problems)}. Install them, or leave these scenarios out (--scenario, or weight 0 in --mix)");
        }
    }
}

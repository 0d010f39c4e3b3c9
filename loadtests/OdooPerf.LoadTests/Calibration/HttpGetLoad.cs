using Microsoft.Extensions.Logging;
using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Simulations;

namespace OdooPerf.LoadTests.Calibration;

/// <summary>
/// The calibration scenario of <c>odooperf-load http</c>: scenario <c>http</c>, one step <c>get</c>, a plain GET of one
/// URL, so a tester learns what a load-generator machine delivers before the real test, and the engine can be compared
/// with wrk. Closed model: each virtual user has its own client and connection (as wrk's connections); open model:
/// iterations share one client whose pool opens at most <see cref="HttpGetSettings.Connections"/> connections. Its
/// init GETs the URL once: a target that cannot be reached stops the run before any load (exit code 3).
/// </summary>
internal sealed class HttpGetLoad : IDisposable
{
    public const string ScenarioName = "http";
    public const string StepName = "get";

    private readonly HttpGetSettings _settings;
    private readonly HttpClient? _shared;
    private readonly long _requestBytes;

    public HttpGetLoad(HttpGetSettings settings)
    {
        _settings = settings;
        _requestBytes = HttpClients.RequestHeadBytes(settings.Target);
        if (settings.IsOpenModel)
        {
            _shared = HttpClients.Create(settings.Target, settings.Connections ?? settings.MaxConcurrency, settings.Timeout);
        }

        var uri = settings.Target.RequestUri;
        var scenario = Scenario
            .Create(ScenarioName, context => context.Step(StepName,
                () => ((HttpUser)context.State[HttpUser.StateKey]!).GetAsync(uri, _requestBytes, context.CancellationToken)))
            .WithInit(InitAsync)
            .WithUserInit(UserInit)
            .WithLoad(Phases(settings));
        Scenario = settings.IsOpenModel ? scenario.WithMaxConcurrentIterations(settings.MaxConcurrency) : scenario;
    }

    public Scenario Scenario { get; }

    /// <summary>The ramp-up (when asked for), then the steady phase.</summary>
    public static IReadOnlyList<LoadSimulation> Phases(HttpGetSettings settings)
    {
        var phases = new List<LoadSimulation>(2);
        if (settings.Users is { } users)
        {
            if (settings.RampUp is { } ramp)
            {
                phases.Add(Simulation.RampUsers(users, ramp));
            }

            phases.Add(Simulation.KeepUsers(users, settings.Duration));
        }
        else
        {
            var rate = settings.Rate!.Value;
            if (settings.RampUp is { } ramp)
            {
                phases.Add(Simulation.RampRate(0, rate, ramp));
            }

            phases.Add(Simulation.InjectRate(rate, settings.Duration));
        }

        return phases;
    }

    private Task UserInit(ScenarioContext context)
    {
        var client = _shared ?? HttpClients.Create(_settings.Target, maxConnections: 1, _settings.Timeout);
        context.State[HttpUser.StateKey] = new HttpUser(client, ownsClient: _shared is null,
            new RequestTimer(_settings.Timeout, context.CancellationToken));
        return Task.CompletedTask;
    }

    /// <summary>One GET: an unreachable target (refused, unknown host, no answer in time) means the run cannot start.</summary>
    private async Task InitAsync(ScenarioInitContext context)
    {
        var target = _settings.Target;
        using var client = HttpClients.Create(target, maxConnections: 1, _settings.Timeout);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            using var response = await client.GetAsync(target.RequestUri, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is < 200 or >= 400)
            {
                context.Logger.LogWarning("GET {Url} answers {Status}: the run counts these answers as failures ({Reason})",
                    target.Display, status, FailureReasons.ForStatus(status));
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new LoadStartException($"cannot reach {target.Display}: no answer within {DurationText.Format(_settings.Timeout)}");
        }
        catch (HttpRequestException e)
        {
            throw new LoadStartException($"cannot reach {target.Display}: {StepFailureReason.Of(e)} ({OneLine(e.Message)})", e);
        }
    }

    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();

    public void Dispose() => _shared?.Dispose();
}

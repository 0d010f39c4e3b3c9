using OdooPerf.Load.Scenarios;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// What <see cref="OdooScenario.PrepareAsync"/> works with: the preflight's logged-in client and the run's data.
/// <see cref="Call"/> records each request as a step of the run (so the run's request count is what the server saw)
/// and turns a failed call into a stop of the run with a one-line reason.
/// </summary>
internal sealed class OdooSetup(ScenarioInitContext init, OdooClient client, OdooRunData? run)
{
    public OdooClient Client => client;

    public OdooRunData Run => run ?? throw new InvalidOperationException("the run's data is not known yet");

    public CancellationToken CancellationToken => init.CancellationToken;

    // A transient error (a busy server, a serialization failure) must not stop a go-live test before it starts; a
    // real problem fails three times alike. Every attempt is recorded.
    private const int Attempts = 3;

    /// <exception cref="LoadStartException">The call failed <see cref="Attempts"/> times: the run cannot start.</exception>
    public async Task<OdooResponse> Call(string step, Func<OdooClient, CancellationToken, Task<OdooResponse>> call)
    {
        OdooException? failure = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            (var response, failure) = await AttemptAsync(step, call).ConfigureAwait(false);
            if (response is not null)
            {
                return response;
            }
        }

        var what = failure!.Model is null ? failure.Method : $"{failure.Model}.{failure.Method}";
        throw new LoadStartException($"preflight step {step} ({what}) failed {Attempts} times: {failure.Reason}: {failure.Message}", failure);
    }

    private async Task<(OdooResponse? Response, OdooException? Failure)> AttemptAsync(string step, Func<OdooClient, CancellationToken, Task<OdooResponse>> call)
    {
        OdooResponse? response = null;
        OdooException? failure = null;
        await init.Step(step, async () =>
        {
            try
            {
                response = await call(client, init.CancellationToken).ConfigureAwait(false);
                return StepResult.Ok(response.StatusCode, response.BytesSent, response.BytesReceived);
            }
            catch (OdooException e)
            {
                failure = e;
                return StepResult.Fail(e.Reason, e.StatusCode, e.BytesSent, e.BytesReceived, e.Message);
            }
        }).ConfigureAwait(false);
        return (response, failure);
    }
}

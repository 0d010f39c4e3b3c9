using OdooPerf.Load.Scenarios;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// One virtual user's pass through a scenario: <see cref="Call"/> makes one Odoo call as a named step, records it
/// (an Odoo error's name is the failure reason: <c>UserError</c>, <c>AccessDenied</c>, <c>http_502</c>), then pauses
/// for the think time, as a user reads the screen before the next click.
/// </summary>
internal sealed class OdooIteration(ScenarioContext context, OdooClient client, OdooRunData run, ThinkTime think)
{
    public ScenarioContext Context => context;

    public OdooClient Client => client;

    public OdooRunData Run => run;

    public CancellationToken CancellationToken => context.CancellationToken;

    /// <summary>The run, the segment, the user and its iteration: unique names for what it creates, also across runs.</summary>
    public string UniqueSuffix => $"{run.RunId}-s{context.Segment.Index}-u{context.UserId}-i{context.Iteration}";

    /// <summary>
    /// Runs one call as step <paramref name="step"/>, then thinks. Returns the response, or null when the call failed
    /// (recorded; the scenario should end its iteration). Cancellation by the run stopping propagates unrecorded.
    /// </summary>
    public async Task<OdooResponse?> Call(string step, Func<OdooClient, CancellationToken, Task<OdooResponse>> call)
    {
        OdooResponse? response = null;
        await context.Step(step, async () =>
        {
            try
            {
                response = await call(client, context.CancellationToken).ConfigureAwait(false);
                run.NoteCall(context.ScenarioName, step, response.Model, response.Method, response.Route);
                return StepResult.Ok(response.StatusCode, response.BytesSent, response.BytesReceived);
            }
            catch (OdooException e)
            {
                run.NoteCall(context.ScenarioName, step, e.Model, e.Method, e.Route);
                FailureLog.Note(context, step, e);
                return StepResult.Fail(e.Reason, e.StatusCode, e.BytesSent, e.BytesReceived);
            }
        }).ConfigureAwait(false);

        await context.Think(think.Min, think.Max).ConfigureAwait(false);
        return response;
    }

    /// <summary>A random element, as a user picks a customer or a product.</summary>
    public T Pick<T>(IReadOnlyList<T> items) =>
        items.Count == 0 ? throw new InvalidOperationException("nothing to pick from") : items[Random.Shared.Next(items.Count)];

    /// <summary>A random whole number in [min, max].</summary>
    public int Between(int min, int max) => Random.Shared.Next(min, max + 1);
}

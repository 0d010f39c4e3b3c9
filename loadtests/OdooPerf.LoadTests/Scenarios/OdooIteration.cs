using System.Text.Json.Nodes;
using OdooPerf.Load.Scenarios;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// One virtual user's pass through a scenario: <see cref="Call"/> makes one Odoo call as a named step, records it
/// (an Odoo error's name is the failure reason: <c>UserError</c>, <c>AccessDenied</c>, <c>http_502</c>), then pauses
/// for the think time, as a user reads the screen before the next click. Every step is one HTTP request, so the
/// run's request count is what the server logs.
/// </summary>
internal sealed class OdooIteration(ScenarioContext context, OdooClient client, OdooRunData run, ThinkTime think)
{
    /// <summary>The failure reason of a step whose answer lacks what the flow needs next (an invoice the button did not open).</summary>
    public const string UnexpectedAnswer = "unexpected_answer";

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
        var response = await CallAsync(step, call, expected: null).ConfigureAwait(false);
        await ThinkAsync().ConfigureAwait(false);
        return response;
    }

    /// <summary>
    /// Runs one call whose answer must hold what the flow needs next (<paramref name="expected"/> finds it, e.g. the
    /// id of the invoice a button opened), then thinks. When it is not there, the step is recorded as failed with
    /// <see cref="UnexpectedAnswer"/> and <paramref name="what"/> (the request did reach the server), and null returned:
    /// a flow never stops half-way without saying so.
    /// </summary>
    public async Task<long?> Call(string step, Func<OdooClient, CancellationToken, Task<OdooResponse>> call, Func<OdooResponse, long?> expected, string what)
    {
        long? found = null;
        var response = await CallAsync(step, call, r => (found = expected(r)) is null ? what : null).ConfigureAwait(false);
        await ThinkAsync().ConfigureAwait(false);
        return response is null ? null : found;
    }

    /// <summary>
    /// Saves a form as the server's web client does, then thinks: one <c>web_save</c> from 17; on 16, <c>create</c> (or
    /// <c>write</c>) then a <c>read</c> of the saved record, two requests recorded as <paramref name="step"/> and
    /// <c>{step}_read</c>. Returns the saved record (<see cref="OdooResponse.GetId"/>), or null when a call failed.
    /// </summary>
    public async Task<OdooResponse?> Save(string step, string model, IReadOnlyList<long> ids, JsonObject values, OdooSpecification specification,
        JsonObject? saveContext = null)
    {
        if (run.Version.HasWebSave)
        {
            return await Call(step, (c, ct) => c.WebSaveAsync(model, ids, values, specification, Copy(saveContext), ct)).ConfigureAwait(false);
        }

        var saved = await CallAsync(step, (c, ct) => ids.Count == 0
            ? c.CreateAsync(model, values, Copy(saveContext), ct)
            : c.WriteAsync(model, ids, values, Copy(saveContext), ct), expected: null).ConfigureAwait(false);
        if (saved is null)
        {
            await ThinkAsync().ConfigureAwait(false);
            return null;
        }

        IReadOnlyList<long> read = ids.Count == 0 ? [saved.GetId()] : ids;
        return await Call($"{step}_read", (c, ct) => c.WebReadAsync(model, read, specification, Copy(saveContext), ct)).ConfigureAwait(false);
    }

    /// <summary>Follows one document this iteration creates; dispose it when the iteration ends (<c>using</c>).</summary>
    public DocumentProgress Document() => new(run, context.ScenarioName);

    /// <summary>A random element, as a user picks a customer or a product.</summary>
    public T Pick<T>(IReadOnlyList<T> items) =>
        items.Count == 0 ? throw new InvalidOperationException("nothing to pick from") : items[Random.Shared.Next(items.Count)];

    /// <summary>A random whole number in [min, max].</summary>
    public int Between(int min, int max) => Random.Shared.Next(min, max + 1);

    // One step, one request; expected (when given) names what the answer lacks, or null when it is there.
    private async Task<OdooResponse?> CallAsync(string step, Func<OdooClient, CancellationToken, Task<OdooResponse>> call, Func<OdooResponse, string?>? expected)
    {
        OdooResponse? response = null;
        await context.Step(step, async () =>
        {
            try
            {
                var answer = await call(client, context.CancellationToken).ConfigureAwait(false);
                run.NoteCall(context.ScenarioName, step, answer.Model, answer.Method, answer.Route);
                if (expected?.Invoke(answer) is { } lacking)
                {
                    FailureLog.Note(context, step, answer.Model, answer.Method, UnexpectedAnswer, lacking);
                    return StepResult.Fail(UnexpectedAnswer, answer.StatusCode, answer.BytesSent, answer.BytesReceived, lacking);
                }

                response = answer;
                return StepResult.Ok(answer.StatusCode, answer.BytesSent, answer.BytesReceived);
            }
            catch (OdooException e)
            {
                run.NoteCall(context.ScenarioName, step, e.Model, e.Method, e.Route);
                FailureLog.Note(context, step, e.Model, e.Method, e.Reason, e.Message);
                return StepResult.Fail(e.Reason, e.StatusCode, e.BytesSent, e.BytesReceived, e.Message);
            }
        }).ConfigureAwait(false);
        return response;
    }

    private Task ThinkAsync() => context.Think(think.Min, think.Max);

    // Each request gets its own copy: a context is a JSON node, which belongs to one parent.
    private static JsonObject? Copy(JsonObject? context) => (JsonObject?)context?.DeepClone();
}

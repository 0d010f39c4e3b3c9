namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// How far one business document of an iteration got (a quotation confirmed, its delivery validated, ...). When the
/// iteration ends before <see cref="Finish"/> (a step failed, the run stopped), the stage it was left at is counted
/// for the report (<see cref="OdooRunData.Unfinished"/>), so a run never leaves half-done documents behind silently.
/// Stages are fixed texts of the scenario, so the counts stay bounded. As the load tool saw them: a request that
/// timed out may still have gone through on the server; <c>seed --cleanup</c> counts what the database holds.
/// </summary>
internal sealed class DocumentProgress(OdooRunData run, string scenario) : IDisposable
{
    private string? _stage;

    /// <summary>The document now stands at <paramref name="stage"/>, e.g. "confirmed, not delivered".</summary>
    public void At(string stage) => _stage = stage;

    /// <summary>The flow reached its end: nothing is left mid-flow.</summary>
    public void Finish() => _stage = null;

    public void Dispose()
    {
        if (_stage is { } stage)
        {
            run.CountUnfinished(scenario, stage);
            _stage = null;
        }
    }
}

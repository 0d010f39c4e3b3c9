namespace OdooPerf.Load.Scenarios;

public enum StepOutcome
{
    Ok,
    Failed,

    /// <summary>Not recorded at all (a cache hit, a step that did nothing this time).</summary>
    Ignored,
}

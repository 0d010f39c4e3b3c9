using OdooPerf.LoadTests.Schema;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// One business flow as a user does it in the web client: named steps, each one Odoo call with the fields, domain,
/// limit and context the web client sends, with think time after each. Subclasses are stateless; a virtual user's
/// state is its <see cref="OdooIteration"/>.
/// </summary>
internal abstract class OdooScenario
{
    /// <summary>The scenario's name in the mix, the reports and thresholds (<c>quote-to-cash</c>).</summary>
    public abstract string Name { get; }

    /// <summary>One line: what a user does in it.</summary>
    public abstract string Summary { get; }

    /// <summary>What it creates or changes in the database, for the README and <c>--help</c>; null when read-only.</summary>
    public abstract string? Writes { get; }

    public bool IsReadOnly => Writes is null;

    /// <summary>Apps the scenario cannot run without (technical names, <see cref="OdooApps"/>).</summary>
    public abstract IReadOnlyList<string> RequiredApps { get; }

    /// <summary>
    /// True for report scenarios (grouped reads over many rows): judged against the reports' latency bound instead of
    /// the standard operations' one.
    /// </summary>
    public virtual bool IsReport => false;

    /// <summary>
    /// The models whose fields the scenario reads, writes or filters on (those of apps it may skip included): the
    /// preflight reads their schema (<c>fields_get</c>) once per run for <see cref="ResolveFields"/>.
    /// </summary>
    public abstract IReadOnlyList<string> Models { get; }

    /// <summary>
    /// Once per run, before <see cref="PrepareAsync"/> and without a request: builds the specifications, field names and
    /// domains the steps send from the fields this server has (<paramref name="fields"/> notes what is missing), and
    /// returns them for the iterations (<see cref="OdooRunData.Forms{T}"/>). Written with Odoo 17's names, a scenario
    /// so runs on every version whose differences the renames table and its optional fields cover.
    /// </summary>
    public abstract object ResolveFields(ScenarioFields fields, OdooRunData run);

    /// <summary>
    /// Once per run, before the load, with the preflight's session: finds what the iterations pick from (ids of
    /// customers, products, locations) and stores it with <see cref="OdooRunData.Set{T}"/>. Its calls are recorded as
    /// steps of the run. Throwing <see cref="OdooPerf.Load.Scenarios.LoadStartException"/> stops the run (exit 3)
    /// with its message, e.g. when the database has no product to sell.
    /// </summary>
    public virtual Task PrepareAsync(OdooSetup setup) => Task.CompletedTask;

    /// <summary>One pass through the flow. Returns early when a step fails (the failure is already recorded).</summary>
    public abstract Task RunAsync(OdooIteration iteration);
}

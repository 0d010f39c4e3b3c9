using OdooPerf.Load.Simulations;

namespace OdooPerf.Load.Scenarios;

/// <summary>
/// A named async function that virtual users run over and over, with its load phases (NBomber's scenario). Its
/// <see cref="ScenarioContext.Step{T}"/> calls are timed and reported separately. Build with <see cref="Create"/> and
/// the <c>With…</c> methods; each returns a new scenario.
/// </summary>
public sealed record Scenario
{
    /// <summary>Open-model iterations running at once before further ones are dropped, unless set (k6's maxVUs).</summary>
    public const int DefaultMaxConcurrentIterations = 1000;

    private Scenario(string name, Func<ScenarioContext, Task> run)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/') || name.Contains(':'))
        {
            // '/' and ':' separate scenario, step and metric in threshold expressions.
            throw new ArgumentException($"a scenario name must be non-empty without '/' or ':': '{name}'", nameof(name));
        }

        Name = name;
        Run = run;
    }

    public string Name { get; }

    /// <summary>One iteration of one virtual user.</summary>
    public Func<ScenarioContext, Task> Run { get; }

    /// <summary>Once before any load (check the target, log in, seed data). An exception means the run could not start.</summary>
    public Func<ScenarioInitContext, Task>? Init { get; private init; }

    /// <summary>Once after the load, also after an interrupted run.</summary>
    public Func<ScenarioInitContext, Task>? Clean { get; private init; }

    /// <summary>
    /// Once per virtual user before its first iteration (create its <see cref="HttpClient"/>, log in). Disposable
    /// values it leaves in <see cref="ScenarioContext.State"/> are disposed when the user stops.
    /// </summary>
    public Func<ScenarioContext, Task>? UserInit { get; private init; }

    public IReadOnlyList<LoadSimulation> Phases { get; private init; } = [];

    /// <summary>Open model only: iterations running at once; one more due to start is dropped, and counted.</summary>
    public int MaxConcurrentIterations { get; private init; } = DefaultMaxConcurrentIterations;

    public IDataFeed? Feed { get; private init; }

    public static Scenario Create(string name, Func<ScenarioContext, Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new Scenario(name, run);
    }

    public Scenario WithInit(Func<ScenarioInitContext, Task> init) => this with { Init = init };

    public Scenario WithClean(Func<ScenarioInitContext, Task> clean) => this with { Clean = clean };

    public Scenario WithUserInit(Func<ScenarioContext, Task> userInit) => this with { UserInit = userInit };

    public Scenario WithLoad(params IEnumerable<LoadSimulation> phases) => this with { Phases = phases.ToArray() };

    public Scenario WithMaxConcurrentIterations(int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return this with { MaxConcurrentIterations = max };
    }

    public Scenario WithDataFeed(IDataFeed feed) => this with { Feed = feed };

    /// <summary>The sum of the phases' durations.</summary>
    public TimeSpan PlannedDuration => Phases.Aggregate(TimeSpan.Zero, (total, phase) => total + phase.During);
}

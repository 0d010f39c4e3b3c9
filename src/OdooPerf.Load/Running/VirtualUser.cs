using OdooPerf.Load.Scenarios;

namespace OdooPerf.Load.Running;

/// <summary>
/// One virtual user: its context (id, state bag, step cache) across its iterations, whether its per-user init ran,
/// and, in the closed model, whether it was asked to stop after its current iteration.
/// </summary>
internal sealed class VirtualUser(ScenarioContext context)
{
    private volatile bool _stopRequested;

    public ScenarioContext Context { get; } = context;

    public bool Initialized { get; set; }

    public bool StopRequested => _stopRequested;

    public void RequestStop() => _stopRequested = true;

    /// <summary>Disposes what the scenario left in the state bag (clients, sessions); a failing dispose is ignored.</summary>
    public void DisposeState()
    {
        foreach (var value in Context.State.Values)
        {
            try
            {
                (value as IDisposable)?.Dispose();
            }
            catch (Exception)
            {
                // The user is gone either way; a dispose failure must not hide the run's results.
            }
        }

        Context.State.Clear();
    }
}

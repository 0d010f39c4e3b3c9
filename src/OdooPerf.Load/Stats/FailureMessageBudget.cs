namespace OdooPerf.Load.Stats;

/// <summary>The room for distinct failure messages the steps of one run share (<see cref="FailureMessageLimits.MaxPerRun"/>).</summary>
internal sealed class FailureMessageBudget(int size)
{
    private int _used;

    /// <summary>Takes one place; false when none is left.</summary>
    public bool TryTake()
    {
        while (true)
        {
            var used = Volatile.Read(ref _used);
            if (used >= size)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, used + 1, used) == used)
            {
                return true;
            }
        }
    }
}

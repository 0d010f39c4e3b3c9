namespace OdooPerf.OdooSim;

/// <summary>The fault settings in force, shared by the simulator's API and its request pipeline.</summary>
internal sealed class FaultState(FaultSettings initial)
{
    private FaultSettings _current = initial;

    public FaultSettings Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }
}

namespace OdooPerf.Load.Running;

/// <summary>
/// A scenario's state during the run, for the console and the live metrics: the phase running, the users and arrival
/// rate it asks for (this segment's share), and what it has actually reached. Written by the runner, read anywhere.
/// </summary>
public sealed class ScenarioProgress(string name)
{
    private volatile string _phase = "starting";
    private int _targetUsers;
    private long _targetRateMilli;

    public string Name { get; } = name;

    /// <summary>The phase running now, e.g. <c>ramp_users(90, 5m)</c>; "done" after the last.</summary>
    public string Phase
    {
        get => _phase;
        internal set => _phase = value;
    }

    /// <summary>Closed-model users the phase asks for now (this segment's share).</summary>
    public int TargetUsers
    {
        get => Volatile.Read(ref _targetUsers);
        internal set => Volatile.Write(ref _targetUsers, value);
    }

    /// <summary>Open-model iterations per second the phase asks for now (this segment's share).</summary>
    public double TargetRate
    {
        get => Interlocked.Read(ref _targetRateMilli) / 1000d;
        internal set => Interlocked.Exchange(ref _targetRateMilli, (long)Math.Round(value * 1000));
    }

    internal int PeakTargetUsers { get; set; }

    internal double MaxSchedulingLagMs { get; set; }
}

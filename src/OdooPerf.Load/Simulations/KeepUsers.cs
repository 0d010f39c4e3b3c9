namespace OdooPerf.Load.Simulations;

/// <summary>Closed model: <see cref="Users"/> virtual users, each starting its next iteration when the last ends.</summary>
public sealed record KeepUsers : LoadSimulation
{
    public KeepUsers(int users, TimeSpan during) : base(during)
    {
        RequireNonNegative(users, nameof(users));
        Users = users;
    }

    public int Users { get; }

    public override bool IsOpenModel => false;

    public override string ToString() => $"keep_users({Users}, {DurationText.Format(During)})";
}

namespace OdooPerf.OdooSim.Sessions;

/// <summary>A logged-in web session (what Odoo keeps in its session store under the <c>session_id</c> cookie).</summary>
internal sealed class SimSession
{
    public required string Id { get; init; }

    public required int Uid { get; init; }

    public required string Login { get; init; }

    public required string Database { get; init; }

    /// <summary>Counted in the active sessions (logged in, not idle too long).</summary>
    public bool Active { get; set; }

    public DateTime LastSeen { get; set; }

    public int RequestsInFlight { get; set; }
}

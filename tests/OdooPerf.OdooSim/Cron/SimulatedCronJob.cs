namespace OdooPerf.OdooSim.Cron;

/// <summary>
/// A scheduled action the simulator's cron thread runs: <paramref name="Id"/> and <paramref name="Name"/> as
/// in <c>ir_cron</c>. A job with <paramref name="Fails"/> reads a table the simulator does not have
/// (<c>mail_mail</c>), so it fails on a real PostgreSQL error, logged as Odoo logs a failed job.
/// </summary>
public sealed record SimulatedCronJob(int Id, string Name, bool Fails = false)
{
    /// <summary>Two jobs every Odoo database has.</summary>
    public static readonly IReadOnlyList<SimulatedCronJob> Defaults =
    [
        new(1, "Mail: Email Queue Manager"),
        new(2, "Base: Auto-vacuum internal data"),
    ];
}

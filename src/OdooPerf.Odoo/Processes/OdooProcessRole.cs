namespace OdooPerf.Odoo.Processes;

/// <summary>What an Odoo server process does, as far as its command line and its parent tell.</summary>
public enum OdooProcessRole
{
    /// <summary>The server started by the service: the prefork master, or the only process in threaded mode.</summary>
    Main,

    /// <summary>A prefork HTTP worker (<c>WorkerHTTP</c>).</summary>
    Http,

    /// <summary>A prefork cron worker (<c>WorkerCron</c>).</summary>
    Cron,

    /// <summary>The gevent process serving longpolling (≤ 15) or websockets (16+).</summary>
    Gevent,

    /// <summary>
    /// A prefork worker whose kind cannot be told: without the <c>setproctitle</c> Python module, HTTP and
    /// cron workers keep their master's command line.
    /// </summary>
    Worker,
}

public static class OdooProcessRoleExtensions
{
    /// <summary>The value of the <c>role</c> label.</summary>
    public static string Label(this OdooProcessRole role) => role switch
    {
        OdooProcessRole.Main => "main",
        OdooProcessRole.Http => "http",
        OdooProcessRole.Cron => "cron",
        OdooProcessRole.Gevent => "gevent",
        OdooProcessRole.Worker => "worker",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}

namespace OdooPerf.Odoo.Logs;

/// <summary>How the first line of an entry was written, after any journald, syslog or Docker prefix.</summary>
public enum OdooLogLineFormat : byte
{
    /// <summary><c>%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: %(message)s %(perf_info)s</c>.</summary>
    Standard = 0,

    /// <summary><c>--syslog</c>: <c>Odoo Server 17.0:DBNAME:LEVEL:LOGGER:MESSAGE</c>, no pid and no perf fields.</summary>
    Syslog,
}

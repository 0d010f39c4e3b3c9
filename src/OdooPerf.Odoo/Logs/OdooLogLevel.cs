namespace OdooPerf.Odoo.Logs;

/// <summary>The level column of an Odoo log line (Odoo prints its level 25 as INFO).</summary>
public enum OdooLogLevel : byte
{
    /// <summary>A level name Odoo does not use (a foreign line that happens to look like ours).</summary>
    Unknown = 0,
    Debug,
    Info,
    Warning,
    Error,
    Critical,
}

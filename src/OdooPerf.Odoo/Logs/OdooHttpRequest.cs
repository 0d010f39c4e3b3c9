namespace OdooPerf.Odoo.Logs;

/// <summary>
/// The werkzeug part of a request entry:
/// <c>ADDRESS - - [dd/Mon/YYYY HH:MM:SS] "METHOD PATH PROTOCOL" STATUS SIZE COUNT SQLTIME REMAINING [MODE]</c>.
/// Spans point into the line being parsed and are only valid while the entry is.
/// </summary>
public ref struct OdooHttpRequest
{
    /// <summary>Client address as werkzeug wrote it (never to be used as a metric label).</summary>
    public ReadOnlySpan<byte> Address { get; internal set; }

    /// <summary>HTTP method, e.g. <c>POST</c>.</summary>
    public ReadOnlySpan<byte> Method { get; internal set; }

    /// <summary>Path with its query string; Odoo 19 may end it with <c>#model.method</c>.</summary>
    public ReadOnlySpan<byte> Path { get; internal set; }

    /// <summary>HTTP status code; 0 when werkzeug wrote something else.</summary>
    public int Status { get; internal set; }

    /// <summary>True when the line carries the three perf fields as numbers (not <c>- - -</c>, not absent as in Odoo 11).</summary>
    public bool HasPerformance { get; internal set; }

    /// <summary>SQL queries run by the request (valid when <see cref="HasPerformance"/>).</summary>
    public int SqlQueries { get; internal set; }

    /// <summary>Seconds spent inside <c>cursor.execute</c> (valid when <see cref="HasPerformance"/>).</summary>
    public double SqlSeconds { get; internal set; }

    /// <summary>Wall seconds of the request minus <see cref="SqlSeconds"/> (valid when <see cref="HasPerformance"/>).</summary>
    public double RemainingSeconds { get; internal set; }

    /// <summary>Total request time: SQL time plus the remaining time.</summary>
    public readonly double DurationSeconds => SqlSeconds + RemainingSeconds;

    /// <summary>Odoo 18+ with a read replica: <c>ro</c>, <c>rw</c>, <c>ro-&gt;rw</c> or <c>-</c>; empty otherwise.</summary>
    public ReadOnlySpan<byte> CursorMode { get; internal set; }
}

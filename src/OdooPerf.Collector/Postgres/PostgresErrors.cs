using System.Net.Sockets;
using Npgsql;

namespace OdooPerf.Collector.Postgres;

/// <summary>Turns a connection failure into one line that says why, in the terms a DBA uses.</summary>
public static class PostgresErrors
{
    /// <summary>
    /// Whether an error means the session or the server is going away, rather than one query failing:
    /// class 08 (connection exception), 28 (invalid authorization), 57P (operator intervention: admin
    /// shutdown, crash shutdown, cannot connect now), 53 (insufficient resources: too many connections).
    /// </summary>
    public static bool IsConnectionLevel(PostgresException ex) =>
        ex.SqlState.StartsWith("08", StringComparison.Ordinal)
        || ex.SqlState.StartsWith("28", StringComparison.Ordinal)
        || ex.SqlState.StartsWith("57P", StringComparison.Ordinal)
        || ex.SqlState.StartsWith("53", StringComparison.Ordinal);

    public static string Describe(Exception ex) => ex switch
    {
        PostgresException pg => $"{pg.SqlState} {pg.MessageText}",
        NpgsqlException { InnerException: SocketException socket } => $"cannot connect ({socket.SocketErrorCode}: {socket.Message})",
        NpgsqlException { InnerException: TimeoutException } or TimeoutException => "timed out",
        OperationCanceledException => "no answer within the scrape deadline",
        NpgsqlException { InnerException: IOException io } => $"connection lost ({io.Message})",
        _ => ex.Message,
    };
}

using System.Net.Sockets;
using Npgsql;

namespace OdooPerf.Collector.Postgres;

/// <summary>Turns a connection failure into one line that says why, in the terms a DBA uses.</summary>
public static class PostgresErrors
{
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

using Npgsql;

namespace OdooPerf.Collector.Postgres;

/// <summary>What a collector gets for one scrape of one server: the connection and the server's version.</summary>
public sealed class PostgresScrape(NpgsqlConnection connection, PostgresConnections connections, PostgresOptions options)
{
    public NpgsqlConnection Connection { get; } = connection;

    public PostgresConnections Connections { get; } = connections;

    public PostgresOptions Options { get; } = options;

    /// <summary>The server's version, from the connection's startup parameters (no query needed).</summary>
    public Version ServerVersion => Connection.PostgreSqlVersion;

    /// <summary>Major version: 12 to 17 are supported.</summary>
    public int MajorVersion => ServerVersion.Major;

    /// <summary>Runs <paramref name="sql"/> on the scrape's connection and hands each row to <paramref name="read"/>.</summary>
    public async Task QueryAsync(string sql, Action<NpgsqlDataReader> read, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            read(reader);
        }
    }
}

namespace OdooPerf.Collector.Postgres;

/// <summary>One PostgreSQL server to watch. Bound from <c>Postgres:Servers</c>; <c>--pg</c> sets the first.</summary>
public sealed class PostgresServerOptions
{
    /// <summary>The <c>server</c> label when more than one server is configured.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Npgsql connection string, e.g. <c>Host=/var/run/postgresql;Username=odooperf;Database=postgres</c>.
    /// Leave the password out: it comes from <see cref="PasswordFile"/>, <c>PGPASSWORD</c>, or
    /// <c>~/.pgpass</c> / <c>PGPASSFILE</c>, which Npgsql reads itself.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>A file whose first line is the password (mode 0600, e.g. under /etc/odooperf).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Databases the per-table families connect to; empty means every database that is not a template, up to <see cref="PostgresOptions.MaxDatabases"/>.</summary>
    public List<string> Databases { get; set; } = [];
}

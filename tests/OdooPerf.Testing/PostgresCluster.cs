using System.Diagnostics;
using Npgsql;
using Xunit;

namespace OdooPerf.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's packages: <c>initdb</c> in a temporary directory, a free
/// loopback port, <c>pg_stat_statements</c> preloaded, removed on dispose. As root (CI), the server runs
/// as the <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>Password of the superuser <c>postgres</c> for TCP connections (local socket is trust).</summary>
    public const string SuperuserPassword = "test-superuser-secret";

    private readonly string _bin;
    private readonly string _directory;
    private readonly bool _runAsPostgres;

    private PostgresCluster(string bin, string directory, int port, bool runAsPostgres)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
        _runAsPostgres = runAsPostgres;
    }

    public int Port { get; }

    public string DataDirectory => Path.Join(_directory, "data");

    public string LogFile => Path.Join(_directory, "postgres.log");

    /// <summary>Major version of the server binaries, e.g. 15.</summary>
    public int MajorVersion => int.Parse(Path.GetFileName(Path.GetDirectoryName(_bin))!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Creates and starts a cluster; fails the test with an install hint when PostgreSQL is missing.</summary>
    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = FindBinaries();
        var directory = Directory.CreateTempSubdirectory("odooperf-pg-").FullName;
        var runAsPostgres = Environment.UserName == "root";
        var cluster = new PostgresCluster(bin, directory, FreePort.Next(), runAsPostgres);
        try
        {
            await cluster.InitAsync().ConfigureAwait(false);
            await cluster.StartServerAsync().ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A streaming-replication standby of <paramref name="primary"/> (pg_basebackup -R), running in
    /// recovery on a port of its own; removed on dispose like any cluster.
    /// </summary>
    public static async Task<PostgresCluster> StartStandbyAsync(PostgresCluster primary)
    {
        var directory = Directory.CreateTempSubdirectory("odooperf-pg-standby-").FullName;
        var standby = new PostgresCluster(primary._bin, directory, FreePort.Next(), primary._runAsPostgres);
        try
        {
            await standby.ChownIfRootAsync().ConfigureAwait(false);

            // Run from the primary's side: its local socket trusts replication connections.
            var backup = await primary.RunToolAsync("pg_basebackup", ["-D", standby.DataDirectory, "-R", "-X", "stream", "-c", "fast"]).ConfigureAwait(false);
            if (backup.ExitCode != 0)
            {
                throw new InvalidOperationException($"pg_basebackup failed: {backup.StandardError}");
            }

            await File.AppendAllTextAsync(Path.Join(standby.DataDirectory, "postgresql.conf"), $"""

                port = {standby.Port}
                unix_socket_directories = '{directory}'
                hot_standby = on

                """).ConfigureAwait(false);
            await standby.StartServerAsync().ConfigureAwait(false);
            return standby;
        }
        catch
        {
            await standby.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>An Npgsql connection string over TCP for <paramref name="user"/>.</summary>
    public string ConnectionString(string user = "postgres", string? password = SuperuserPassword, string database = "postgres")
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = user,
            Database = database,
            Pooling = false,
        };
        if (password is not null)
        {
            builder.Password = password;
        }

        return builder.ConnectionString;
    }

    /// <summary>Runs SQL as the superuser on <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database: database));
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Runs a query as the superuser and returns the first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database: database));
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
    }

    /// <summary>Opens a superuser connection the test holds (for a blocked or idle-in-transaction session).</summary>
    public async Task<NpgsqlConnection> OpenAsync(string database = "postgres")
    {
        var connection = new NpgsqlConnection(ConnectionString(database: database));
        await connection.OpenAsync().ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs a program of the server's bin directory (pgbench, psql) as the cluster's owner.</summary>
    public Task<ProcessResult> RunToolAsync(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync(StartInfo(tool, arguments), timeout: timeout ?? TimeSpan.FromMinutes(2));

    /// <summary>Stops the server (fast shutdown: sessions are cut, as in a crash or a restart).</summary>
    public async Task StopServerAsync()
    {
        var result = await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"]).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl stop failed: {result.StandardError}");
        }
    }

    public async Task StartServerAsync()
    {
        var result = await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "start"]).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile).ConfigureAwait(false) : string.Empty;
            throw new InvalidOperationException($"pg_ctl start failed: {result.StandardOutput}{result.StandardError}\n{log}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Join(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Nothing more to do than removing the directory.
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file held by a process still exiting; the temporary directory is left behind.
        }
    }

    private async Task InitAsync()
    {
        var passwordFile = Path.Join(_directory, "pwfile");
        await File.WriteAllTextAsync(passwordFile, SuperuserPassword + "\n").ConfigureAwait(false);
        await ChownIfRootAsync().ConfigureAwait(false);

        var init = await RunToolAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "--pwfile", passwordFile, "-A", "scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync"]).ConfigureAwait(false);
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed: {init.StandardOutput}{init.StandardError}");
        }

        // Tuned for tests: loopback only, socket in the temporary directory, no durability.
        await File.AppendAllTextAsync(Path.Join(DataDirectory, "postgresql.conf"), $"""

            port = {Port}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{_directory}'
            shared_preload_libraries = 'pg_stat_statements'
            max_connections = 60
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            track_io_timing = on
            log_min_messages = warning
            deadlock_timeout = 100ms

            """).ConfigureAwait(false);
    }

    private async Task ChownIfRootAsync()
    {
        if (_runAsPostgres)
        {
            var chown = await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", _directory]).ConfigureAwait(false);
            if (chown.ExitCode != 0)
            {
                throw new InvalidOperationException($"chown of {_directory} to postgres failed: {chown.StandardError}");
            }
        }
    }

    private ProcessStartInfo StartInfo(string tool, IEnumerable<string> arguments)
    {
        var start = _runAsPostgres ? new ProcessStartInfo("runuser") : new ProcessStartInfo(Path.Join(_bin, tool));
        if (_runAsPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", Path.Join(_bin, tool) })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = _directory;
        start.Environment["PGPORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = "postgres";
        start.WorkingDirectory = _directory;
        return start;
    }

    private static string FindBinaries()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Join(d, "bin"))
                .Where(d => File.Exists(Path.Join(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        if (bin is null)
        {
            Assert.Fail("PostgreSQL server binaries are not installed (no /usr/lib/postgresql/*/bin/initdb): install Debian's 'postgresql' package (apt-get install -y postgresql), or run ./test.sh which installs it.");
        }

        return bin!;
    }
}

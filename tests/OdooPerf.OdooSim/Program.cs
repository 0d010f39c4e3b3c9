using System.Runtime.InteropServices;
using OdooPerf.OdooSim;
using OdooPerf.Testing;

// odoosim: the Odoo simulator as a program, for pointing odooperf-load and the collector at it by hand.
OdooSimulatorOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(CommandLine.Usage);
        return 0;
    }

    options = CommandLine.Parse(args, Environment.GetEnvironmentVariable);
}
catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"odoosim: {e.Message} (see --help)");
    return 2;
}

using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

// `--pg throwaway`: a PostgreSQL cluster of the simulator's own (initdb on a free port), removed when it stops.
PostgresCluster? throwaway = null;
OdooSimulator simulator;
try
{
    if (options.ConnectionString == CommandLine.ThrowawayPostgres)
    {
        throwaway = await PostgresCluster.StartAsync();
        var database = options.DatabaseName ?? "sim";
        await throwaway.ExecuteAsync($"CREATE DATABASE \"{database.Replace("\"", "", StringComparison.Ordinal)}\"");
        options = options with { ConnectionString = throwaway.ConnectionString(database: database), DatabaseName = database };
        Console.Error.WriteLine($"odoosim: throwaway PostgreSQL {throwaway.MajorVersion} on 127.0.0.1:{throwaway.Port} in {throwaway.DataDirectory} (removed on exit)");
    }

    simulator = await OdooSimulator.StartAsync(options, stop.Token);
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException or Npgsql.NpgsqlException or IOException or OperationCanceledException)
{
    var message = e is Npgsql.PostgresException pg ? $"PostgreSQL: {pg.SqlState}: {pg.MessageText}" : e.Message;
    Console.Error.WriteLine($"odoosim: {message.ReplaceLineEndings(" ")}");
    if (throwaway is not null)
    {
        await throwaway.DisposeAsync();
    }

    return 1;
}
catch (Exception e) when (throwaway is null && options.ConnectionString == CommandLine.ThrowawayPostgres)
{
    // initdb missing or failing: PostgresCluster says what to install.
    Console.Error.WriteLine($"odoosim: cannot start a throwaway PostgreSQL: {e.Message.ReplaceLineEndings(" ")}");
    return 1;
}

await using (simulator)
{
    Console.Error.WriteLine($"odoosim: Odoo {simulator.Version} simulator on {simulator.BaseUrl}, database '{simulator.DatabaseName}', log {options.LogFile ?? "on standard output"}; Ctrl+C stops it");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // Stopping.
    }
}

if (throwaway is not null)
{
    await throwaway.DisposeAsync();
}

return 0;

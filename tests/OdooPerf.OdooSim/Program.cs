using System.Runtime.InteropServices;
using OdooPerf.OdooSim;

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

OdooSimulator simulator;
try
{
    simulator = await OdooSimulator.StartAsync(options, stop.Token);
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException or Npgsql.NpgsqlException or IOException or OperationCanceledException)
{
    var message = e is Npgsql.PostgresException pg ? $"PostgreSQL: {pg.SqlState}: {pg.MessageText}" : e.Message;
    Console.Error.WriteLine($"odoosim: {message.ReplaceLineEndings(" ")}");
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

return 0;

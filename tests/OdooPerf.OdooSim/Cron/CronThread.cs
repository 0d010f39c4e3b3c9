using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OdooPerf.OdooSim.Data;
using OdooPerf.OdooSim.Logging;

namespace OdooPerf.OdooSim.Cron;

/// <summary>
/// The cron thread of a threaded Odoo server: every interval it runs each job in a transaction of its own
/// against the real database and logs it in the words of the simulated version's <c>ir_cron._callback</c>
/// (logger <c>odoo.addons.base.models.ir_cron</c>). Odoo 19's cron wording is not simulated.
/// </summary>
internal sealed class CronThread : IAsyncDisposable
{
    private const string Logger = "odoo.addons.base.models.ir_cron";

    private readonly SimDatabase _database;
    private readonly OdooLogWriter _log;
    private readonly string _databaseName;
    private readonly OdooVersion _version;
    private readonly IReadOnlyList<SimulatedCronJob> _jobs;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public CronThread(SimDatabase database, OdooLogWriter log, string databaseName, OdooVersion version, IReadOnlyList<SimulatedCronJob> jobs, TimeSpan interval)
    {
        _database = database;
        _log = log;
        _databaseName = databaseName;
        _version = version;
        _jobs = jobs;
        _loop = RunAsync(interval);
    }

    /// <summary>Jobs run so far, failed ones included.</summary>
    public long Runs => Interlocked.Read(ref _runs);

    private long _runs;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                foreach (var job in _jobs)
                {
                    await RunJobAsync(job, _stopping.Token).ConfigureAwait(false);
                }
            }
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task RunJobAsync(SimulatedCronJob job, CancellationToken cancellation)
    {
        _log.Info(_databaseName, Logger, _version.Major >= 18 ? $"Job '{job.Name}' ({job.Id}) starting" : $"Starting job `{job.Name}`.");
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var cursor = await _database.OpenCursorAsync(new SqlStats(), cancellation).ConfigureAwait(false);
            await cursor.ScalarAsync(job.Fails ? "SELECT count(*) FROM mail_mail" : "SELECT count(*) FROM res_partner").ConfigureAwait(false);
            await cursor.CommitAsync().ConfigureAwait(false);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            _log.Info(_databaseName, Logger, _version.Major switch
            {
                >= 18 => string.Create(CultureInfo.InvariantCulture, $"Job '{job.Name}' ({job.Id}) done in {seconds:0.000}s"),
                17 => string.Create(CultureInfo.InvariantCulture, $"Job done: `{job.Name}` ({seconds:0.000}s)."),
                _ => $"Job `{job.Name}` done.",
            });
        }
        catch (PostgresException error)
        {
            // logger.exception in ir_cron: ERROR with the traceback of the server action.
            var message = _version.Major >= 18
                ? $"Job '{job.Name}' ({job.Id}) server action #{job.Id + 100} failed"
                : $"Call from cron {job.Name} for server action #{job.Id + 100} failed in Job #{job.Id}";
            _log.Error(_databaseName, Logger, message, Traceback(error));
        }
        finally
        {
            Interlocked.Increment(ref _runs);
        }
    }

    private static string Traceback(PostgresException error) => $"""
        Traceback (most recent call last):
          File "/usr/lib/python3/dist-packages/odoo/addons/base/models/ir_cron.py", line 394, in _callback
            self.env['ir.actions.server'].browse(server_action_id).run()
          File "/usr/lib/python3/dist-packages/odoo/addons/base/models/ir_actions.py", line 715, in run
            res = runner(run_self, eval_context=eval_context)
          File "/usr/lib/python3/dist-packages/odoo/addons/base/models/ir_actions.py", line 590, in _run_action_code_multi
            safe_eval(self.code.strip(), eval_context, mode="exec", nocopy=True, filename=str(self))
          File "/usr/lib/python3/dist-packages/odoo/sql_db.py", line 332, in execute
            res = self._obj.execute(query, params)
        psycopg2.errors.{PsycopgClass(error.SqlState)}: {error.MessageText}

        """;

    // psycopg2.errors names the class after the SQLSTATE; the simulator's failing job only raises 42P01.
    private static string PsycopgClass(string sqlState) => sqlState == PostgresErrorCodes.UndefinedTable ? "UndefinedTable" : "DatabaseError";
}

namespace OdooPerf.Odoo.Logs;

/// <summary>What an Odoo log entry tells a performance engineer; everything else is <see cref="Other"/>.</summary>
public enum OdooLogEntryKind : byte
{
    Other = 0,

    /// <summary>A werkzeug request line: <see cref="OdooLogEntry.Request"/> is filled.</summary>
    Request,

    /// <summary><c>Worker (PID) virtual memory limit (N) reached.</c> (prefork) or <c>Server memory limit (N) reached.</c> (threaded).</summary>
    WorkerMemorySoftLimit,

    /// <summary>A <c>MemoryError</c> traceback: RLIMIT_AS (limit_memory_hard) made an allocation fail.</summary>
    WorkerMemoryHardLimit,

    /// <summary><c>Worker (PID) CPU time limit (N) reached.</c></summary>
    WorkerCpuLimit,

    /// <summary><c>WorkerHTTP (PID) timeout after Ns</c> (the master kills it) or the threaded <c>virtual real time limit</c>.</summary>
    WorkerRealTimeLimit,

    /// <summary><c>Worker (PID) max request (N) reached.</c></summary>
    WorkerRequestLimit,

    /// <summary><c>Worker WorkerHTTP (PID) alive</c>.</summary>
    WorkerStarted,

    /// <summary><c>Worker (PID) exiting. request_count: N, registry count: N.</c></summary>
    WorkerExited,

    /// <summary>A cron job starts: <see cref="OdooLogEntry.Subject"/> is the job name.</summary>
    CronStarted,

    /// <summary>A cron job finished; <see cref="OdooLogEntry.Seconds"/> is its duration when the version logs one.</summary>
    CronDone,

    /// <summary>A cron job failed or timed out: <see cref="OdooLogEntry.Subject"/> is the job name when the line gives it.</summary>
    CronFailed,

    /// <summary><c>Login failed for ...</c> (the login itself is never exposed as a field).</summary>
    LoginFailed,

    /// <summary><c>Login successful for ...</c>.</summary>
    LoginSucceeded,

    /// <summary><c>SERIALIZATION_FAILURE, retry ...</c> and its LOCK_NOT_AVAILABLE / DEADLOCK_DETECTED siblings.</summary>
    SerializationRetry,

    /// <summary><c>Registry loaded in 2.345s</c>: <see cref="OdooLogEntry.Seconds"/> is the load time.</summary>
    RegistryLoaded,

    /// <summary>Any other entry that carries a traceback: <see cref="OdooLogEntry.ExceptionType"/> is filled.</summary>
    Traceback,
}

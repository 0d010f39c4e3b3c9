using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.OdooLog;

/// <summary>
/// The <c>odoo_*</c> families fed by the Odoo log, shared by every followed file (an Odoo server's
/// workers all write to one log; several files mean several servers or a rotated-by-name layout, and
/// their sum is what the dashboards want). Label values from the log go through a
/// <see cref="LabelValueFolder"/>; usernames and client addresses never become labels.
/// </summary>
public sealed class OdooLogMetrics
{
    /// <summary>ERP requests range from a 10 ms autocomplete to a minute-long report; 3 s is the go-live target.</summary>
    public static readonly double[] DurationBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60];

    /// <summary>A list view runs a handful of queries; hundreds mean an N+1 pattern.</summary>
    public static readonly double[] SqlQueryBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000];

    public static readonly double[] SqlDurationBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    /// <summary>Cron jobs run from milliseconds to the cron time limit (often 15-60 min).</summary>
    public static readonly double[] CronDurationBuckets = [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    public OdooLogMetrics(IMetricFactory factory, CardinalityGuard guard, OdooLogOptions options)
    {
        var folded = factory.CreateCounter(
            "odooperf_label_values_folded_total",
            "Observations whose label value (a model, method, logger, cron job or exception from the log) was folded into 'other' by the cardinality bound.",
            new CounterConfiguration { LabelNames = ["metric", "label"] });

        Models = new LabelValueFolder(options.TopModels, options.AdmitAfter, folded, "odoo_http_requests_total", "model");
        Methods = new LabelValueFolder(options.TopMethods, options.AdmitAfter, folded, "odoo_http_requests_total", "method");
        Loggers = new LabelValueFolder(options.TopLoggers, options.AdmitAfter, folded, "odoo_log_messages_total", "logger");
        CronJobs = new LabelValueFolder(options.TopCronJobs, 1, folded, "odoo_cron_runs_total", "cron_job");
        Exceptions = new LabelValueFolder(options.TopExceptions, 1, folded, "odoo_tracebacks_total", "exception");

        var requests = factory.CreateCounter(
            "odoo_http_requests_total",
            "HTTP requests logged by Odoo (werkzeug lines), by route group, RPC model and method, and status class.",
            new CounterConfiguration { LabelNames = ["route", "model", "method", "status_class"] });
        Requests = new GuardedChildren<Counter.Child>("odoo_http_requests_total", 4, labels => requests.WithLabels(labels), guard);
        var requestSeconds = factory.CreateCounter(
            "odoo_http_request_seconds_total",
            "Total time of the logged requests (SQL time plus remaining time), by route group, model and method: the most expensive calls.",
            new CounterConfiguration { LabelNames = ["route", "model", "method"] });
        RequestSeconds = new GuardedChildren<Counter.Child>("odoo_http_request_seconds_total", 3, labels => requestSeconds.WithLabels(labels), guard);
        var requestSqlSeconds = factory.CreateCounter(
            "odoo_http_request_sql_seconds_total",
            "Total SQL time of the logged requests, by route group, model and method.",
            new CounterConfiguration { LabelNames = ["route", "model", "method"] });
        RequestSqlSeconds = new GuardedChildren<Counter.Child>("odoo_http_request_sql_seconds_total", 3, labels => requestSqlSeconds.WithLabels(labels), guard);
        var requestSqlQueriesTotal = factory.CreateCounter(
            "odoo_http_request_sql_queries_total",
            "Total SQL queries run by the logged requests, by route group, model and method.",
            new CounterConfiguration { LabelNames = ["route", "model", "method"] });
        RequestSqlQueriesTotal = new GuardedChildren<Counter.Child>("odoo_http_request_sql_queries_total", 3, labels => requestSqlQueriesTotal.WithLabels(labels), guard);
        var requestDuration = factory.CreateHistogram(
            "odoo_http_request_duration_seconds",
            "Duration of the logged requests (Odoo's SQL time plus remaining time), by route group.",
            new HistogramConfiguration { LabelNames = ["route"], Buckets = DurationBuckets });
        RequestDuration = new GuardedChildren<Histogram.Child>("odoo_http_request_duration_seconds", 1, labels => requestDuration.WithLabels(labels), guard);
        var requestSqlQueries = factory.CreateHistogram(
            "odoo_http_request_sql_queries",
            "SQL queries per logged request, by route group.",
            new HistogramConfiguration { LabelNames = ["route"], Buckets = SqlQueryBuckets });
        RequestSqlQueries = new GuardedChildren<Histogram.Child>("odoo_http_request_sql_queries", 1, labels => requestSqlQueries.WithLabels(labels), guard);
        var requestSqlDuration = factory.CreateHistogram(
            "odoo_http_request_sql_duration_seconds",
            "SQL time per logged request, by route group.",
            new HistogramConfiguration { LabelNames = ["route"], Buckets = SqlDurationBuckets });
        RequestSqlDuration = new GuardedChildren<Histogram.Child>("odoo_http_request_sql_duration_seconds", 1, labels => requestSqlDuration.WithLabels(labels), guard);

        var messages = factory.CreateCounter(
            "odoo_log_messages_total",
            "Odoo log entries by level and logger.",
            new CounterConfiguration { LabelNames = ["level", "logger"] });
        Messages = new GuardedChildren<Counter.Child>("odoo_log_messages_total", 2, labels => messages.WithLabels(labels), guard);
        WorkerLimitEvents = factory.CreateCounter(
            "odoo_worker_limit_events_total",
            "Worker limits reached: memory_soft (limit_memory_soft, worker recycled), memory_hard (MemoryError under limit_memory_hard), cpu (limit_time_cpu), real (limit_time_real, worker killed).",
            new CounterConfiguration { LabelNames = ["limit"] });
        WorkerLifecycleEvents = factory.CreateCounter(
            "odoo_worker_lifecycle_events_total",
            "Worker lifecycle: started (alive), exited, request_limit (limit_request reached, worker recycled).",
            new CounterConfiguration { LabelNames = ["event"] });
        var cronRuns = factory.CreateCounter(
            "odoo_cron_runs_total",
            "Cron job log events by job and outcome: started, done, failed (Odoo 12 logs only the start).",
            new CounterConfiguration { LabelNames = ["cron_job", "outcome"] });
        CronRuns = new GuardedChildren<Counter.Child>("odoo_cron_runs_total", 2, labels => cronRuns.WithLabels(labels), guard);
        var cronDuration = factory.CreateHistogram(
            "odoo_cron_duration_seconds",
            "Cron job durations: as logged (17+), else from the start and done lines of the same process.",
            new HistogramConfiguration { LabelNames = ["cron_job"], Buckets = CronDurationBuckets });
        CronDuration = new GuardedChildren<Histogram.Child>("odoo_cron_duration_seconds", 1, labels => cronDuration.WithLabels(labels), guard);
        LoginAttempts = factory.CreateCounter(
            "odoo_login_attempts_total",
            "Logins logged by Odoo, by outcome (success, failure).",
            new CounterConfiguration { LabelNames = ["outcome"] });
        var tracebacks = factory.CreateCounter(
            "odoo_tracebacks_total",
            "Log entries carrying a Python traceback, by exception type.",
            new CounterConfiguration { LabelNames = ["exception"] });
        Tracebacks = new GuardedChildren<Counter.Child>("odoo_tracebacks_total", 1, labels => tracebacks.WithLabels(labels), guard);
        SerializationRetries = factory.CreateCounter(
            "odoo_sql_serialization_retries_total",
            "Transactions Odoo retried after a serialization failure, lock timeout or deadlock (SERIALIZATION_FAILURE and siblings).");
        PublishKnownLabelSetsAtZero();
        RegistryLoad = factory.CreateGauge(
            "odoo_registry_load_seconds",
            "Time of the last registry load (Odoo start or module update); Odoo 15+ logs it.");
    }

    /// <summary>Label values of the fixed-label families, known in advance.</summary>
    public static readonly string[] WorkerLimits = ["memory_soft", "memory_hard", "cpu", "real"];

    public static readonly string[] WorkerLifecycles = ["started", "exited", "request_limit"];

    public static readonly string[] LoginOutcomes = ["success", "failure"];

    public LabelValueFolder Models { get; }

    public LabelValueFolder Methods { get; }

    public LabelValueFolder Loggers { get; }

    public LabelValueFolder CronJobs { get; }

    public LabelValueFolder Exceptions { get; }

    public GuardedChildren<Counter.Child> Requests { get; }

    public GuardedChildren<Counter.Child> RequestSeconds { get; }

    public GuardedChildren<Counter.Child> RequestSqlSeconds { get; }

    public GuardedChildren<Counter.Child> RequestSqlQueriesTotal { get; }

    public GuardedChildren<Histogram.Child> RequestDuration { get; }

    public GuardedChildren<Histogram.Child> RequestSqlQueries { get; }

    public GuardedChildren<Histogram.Child> RequestSqlDuration { get; }

    public GuardedChildren<Counter.Child> Messages { get; }

    public Counter WorkerLimitEvents { get; }

    public Counter WorkerLifecycleEvents { get; }

    public GuardedChildren<Counter.Child> CronRuns { get; }

    public GuardedChildren<Histogram.Child> CronDuration { get; }

    public Counter LoginAttempts { get; }

    public GuardedChildren<Counter.Child> Tracebacks { get; }

    public Counter SerializationRetries { get; }

    public Gauge RegistryLoad { get; }

    /// <summary>
    /// Counters whose label values are known are published at 0 from the start: an alert on
    /// <c>increase(...)</c> then sees the first event, which a series born at 1 would hide.
    /// </summary>
    private void PublishKnownLabelSetsAtZero()
    {
        foreach (var limit in WorkerLimits)
        {
            WorkerLimitEvents.WithLabels(limit).Publish();
        }

        foreach (var lifecycle in WorkerLifecycles)
        {
            WorkerLifecycleEvents.WithLabels(lifecycle).Publish();
        }

        foreach (var outcome in LoginOutcomes)
        {
            LoginAttempts.WithLabels(outcome).Publish();
        }
    }
}

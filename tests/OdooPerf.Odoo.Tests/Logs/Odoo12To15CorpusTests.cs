using OdooPerf.Odoo.Logs;
using Xunit;
using static OdooPerf.Odoo.Tests.Logs.CorpusExpectations;
using Kind = OdooPerf.Odoo.Logs.OdooLogEntryKind;

namespace OdooPerf.Odoo.Tests.Logs;

/// <summary>
/// Odoo 12 to 15: counters started in the dispatcher (static files log <c>- - -</c>), longpolling, <c>retry N/5</c>
/// retries, JSON-RPC errors logged as <c>Exception during JSON request handling.</c>; cron logs only its start in 12 and
/// 13, start and <c>Job `NAME` done.</c> from 14; <c>Registry loaded in</c> from 15.
/// </summary>
public sealed class Odoo12To15CorpusTests
{
    private const string Dist = "/usr/lib/python3/dist-packages/odoo";

    [Fact]
    public void Every_entry_of_the_12_log()
    {
        AssertFixture("odoo-12.log", [
            Line("08:00:00,101", 1000, "?", "odoo", "Odoo version 12.0-20240301"),
            Line("08:00:00,215", 1001, "?", Server, "Worker WorkerHTTP (1001) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1001 },
            Line("08:00:00,230", 1003, "?", Server, "Worker WorkerCron (1003) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1003 },
            Line("08:00:03,857", 1001, "prod", "odoo.modules.loading", "62 modules loaded in 1.95s, 0 queries"),
            Line("08:00:03,901", 1001, "prod", "odoo.modules.loading", "Modules loaded."),
            Request("08:00:05,001", 1001, "prod", "GET", "/web/login", 200, (52, 0.031, 0.402)),
            Request("08:00:05,120", 1001, "?", "GET", "/web/static/src/img/favicon.ico", 200),
            Request("08:00:05,122", 1001, "prod", "GET", "/web/content/412-6a4f3b2/web.assets_common.js", 304, (4, 0.002, 0.011)),
            Line("08:00:09,880", 1001, "prod", Users, "Login failed for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginFailed },
            Line("08:00:15,010", 1001, "prod", Users, "Login successful for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginSucceeded },
            Request("08:00:15,098", 1001, "prod", "POST", "/web/login", 303, (47, 0.031, 0.152)),
            Request("08:00:15,402", 1001, "prod", "POST", "/web/dataset/search_read", 200, (9, 0.006, 0.044)),
            Request("08:00:15,650", 1001, "prod", "POST", "/web/dataset/call_kw/sale.order/read", 200, (23, 0.014, 0.087)),
            Request("08:00:16,002", 1001, "prod", "POST", "/web/dataset/call_button", 200, (214, 0.412, 1.523)),
            Request("08:00:16,500", 1001, "prod", "POST", "/longpolling/poll", 200, (6, 0.004, 50.012)),
            Request("08:00:17,020", 1001, "prod", "GET", "/report/pdf/sale.report_saleorder/42", 200, (88, 0.210, 3.874)),
            Line("08:01:00,010", 1003, "prod", Cron, "Starting job `Mail: Email Queue Manager`.") with { Kind = Kind.CronStarted, Subject = "Mail: Email Queue Manager" },
            Line("08:02:00,011", 1003, "prod", Cron, "Starting job `Procurement: run scheduler`.") with { Kind = Kind.CronStarted, Subject = "Procurement: run scheduler" },
            Line("08:02:03,442", 1003, "prod", Cron, "Call from cron Procurement: run scheduler for server action #147 failed in Job #12", OdooLogLevel.Error) with
            {
                Kind = Kind.CronFailed,
                Subject = "Procurement: run scheduler",
                ContinuationLines = 6,
                ExceptionType = "odoo.exceptions.UserError",
                ExceptionFrame = $"File \"{Dist}/addons/stock/models/procurement.py\", line 189, in run",
            },
            Line("09:00:00,100", 1001, "?", Server, "Worker (1001) virtual memory limit (2751463424) reached.") with { Kind = Kind.WorkerMemorySoftLimit, WorkerPid = 1001 },
            Line("09:00:00,101", 1001, "?", Server, "Worker (1001) exiting. request_count: 1412, registry count: 1.") with { Kind = Kind.WorkerExited, WorkerPid = 1001 },
            Line("09:05:00,000", 1002, "prod", Server, "Worker (1002) CPU time limit (600) reached.") with { Kind = Kind.WorkerCpuLimit, WorkerPid = 1002 },
            Line("09:10:02,500", 1000, "?", Server, "WorkerHTTP (1004) timeout after 120s", OdooLogLevel.Error) with { Kind = Kind.WorkerRealTimeLimit, WorkerPid = 1004 },
            Line("09:20:00,000", 1002, "?", Server, "Worker (1002) max request (8192) reached.") with { Kind = Kind.WorkerRequestLimit, WorkerPid = 1002 },
            Line("09:25:00,000", 2000, "?", Server, "Server memory limit (5368709120) reached.") with { Kind = Kind.WorkerMemorySoftLimit, WorkerPid = 2000 },
            Line("09:30:00,000", 1005, "prod", "odoo.http", "Exception during JSON request handling.", OdooLogLevel.Error) with
            {
                Kind = Kind.WorkerMemoryHardLimit,
                ContinuationLines = 6,
                ExceptionType = "MemoryError",
                ExceptionFrame = $"File \"{Dist}/addons/base/models/ir_actions_report.py\", line 756, in render_qweb_pdf",
            },
            Line("10:00:00,100", 1001, "prod", "odoo.sql_db", "bad query: UPDATE \"stock_quant\" SET \"quantity\"=12.0,\"write_uid\"=2 WHERE id IN (318)", OdooLogLevel.Error) with
            {
                ContinuationLines = 2,
            },
            Line("10:00:00,102", 1001, "prod", "odoo.service.model", "SERIALIZATION_FAILURE, retry 1/5 in 0.2531 sec...") with { Kind = Kind.SerializationRetry },
            Line("10:00:05,001", 1001, "prod", "odoo.service.model", "SERIALIZATION_FAILURE, maximum number of tries reached"),
            Line("10:00:05,003", 1001, "prod", "odoo.http", "Exception during JSON request handling.", OdooLogLevel.Error) with
            {
                Kind = Kind.Traceback,
                ContinuationLines = 9,
                ExceptionType = "psycopg2.extensions.TransactionRollbackError",
                ExceptionFrame = $"File \"{Dist}/sql_db.py\", line 225, in execute",
            },
            Request("10:00:05,010", 1001, "prod", "POST", "/web/dataset/call_button", 200, (31, 0.051, 4.733)),
        ], lines: 54);
    }

    [Fact]
    public void Every_entry_of_the_13_log()
    {
        AssertFixture("odoo-13.log", [
            Line("08:00:00,101", 1000, "?", "odoo", "Odoo version 13.0-20240301"),
            Line("08:00:00,215", 1001, "?", Server, "Worker WorkerHTTP (1001) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1001 },
            Line("08:00:00,230", 1003, "?", Server, "Worker WorkerCron (1003) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1003 },
            Request("08:00:05,120", 1001, "?", "GET", "/web/static/src/img/favicon.ico", 200),
            Line("08:00:09,880", 1001, "prod", Users, "Login failed for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginFailed },
            Line("08:00:15,010", 1001, "prod", Users, "Login successful for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginSucceeded },
            Request("08:00:15,402", 1001, "prod", "POST", "/web/dataset/search_read", 200, (9, 0.006, 0.044)),
            Request("08:00:16,500", 1001, "prod", "POST", "/longpolling/poll", 200, (6, 0.004, 50.012)),
            Request("08:00:18,331", 1001, "prod", "POST", "/xmlrpc/2/object", 200, (5, 0.002, 0.010), address: "10.1.2.9"),
            Line("08:01:00,010", 1003, "prod", Cron, "Starting job `Mail: Email Queue Manager`.") with { Kind = Kind.CronStarted, Subject = "Mail: Email Queue Manager" },
            Line("09:00:00,100", 1001, "?", Server, "Worker (1001) virtual memory limit (2751463424) reached.") with { Kind = Kind.WorkerMemorySoftLimit, WorkerPid = 1001 },
            Line("09:05:00,000", 1002, "prod", Server, "Worker (1002) CPU time limit (600) reached.") with { Kind = Kind.WorkerCpuLimit, WorkerPid = 1002 },
            Line("09:10:02,500", 1000, "?", Server, "WorkerCron (1003) timeout after 1800s", OdooLogLevel.Error) with { Kind = Kind.WorkerRealTimeLimit, WorkerPid = 1003 },
            Line("10:00:00,102", 1001, "prod", "odoo.service.model", "SERIALIZATION_FAILURE, retry 2/5 in 1.0417 sec...") with { Kind = Kind.SerializationRetry },
            Line("10:00:00,400", 1001, "prod", "odoo.service.model", "LOCK_NOT_AVAILABLE, retry 1/5 in 0.0912 sec...") with { Kind = Kind.SerializationRetry },
            Line("10:00:05,003", 1001, "prod", "odoo.http", "Exception during JSON request handling.", OdooLogLevel.Error) with
            {
                Kind = Kind.Traceback,
                ContinuationLines = 7,
                ExceptionType = "psycopg2.errors.SerializationFailure",
                ExceptionFrame = $"File \"{Dist}/sql_db.py\", line 239, in execute",
            },
        ], lines: 23);
    }

    [Fact]
    public void Every_entry_of_the_14_log()
    {
        AssertFixture("odoo-14.log", [
            Line("08:00:00,101", 1000, "?", "odoo", "Odoo version 14.0-20240301"),
            Line("08:00:00,215", 1001, "?", Server, "Worker WorkerHTTP (1001) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1001 },
            Request("08:00:05,120", 1001, "?", "GET", "/web/static/src/img/favicon.ico", 200),
            Request("08:00:05,122", 1001, "prod", "GET", "/web/content/412-6a4f3b2/web.assets_common.js", 304, (4, 0.002, 0.011)),
            Line("08:00:09,880", 1001, "prod", Users, "Login failed for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginFailed },
            Line("08:00:15,010", 1001, "prod", Users, "Login successful for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginSucceeded },
            Request("08:00:15,402", 1001, "prod", "POST", "/web/dataset/call_kw/res.partner/web_search_read", 200, (12, 0.005, 0.031)),
            Request("08:00:16,500", 1001, "prod", "POST", "/longpolling/poll", 200, (6, 0.004, 50.012)),
            Line("08:01:00,010", 1003, "prod", Cron, "Starting job `Mail: Email Queue Manager`.") with { Kind = Kind.CronStarted, Subject = "Mail: Email Queue Manager" },
            Line("08:01:00,532", 1003, "prod", Cron, "Job `Mail: Email Queue Manager` done.") with { Kind = Kind.CronDone, Subject = "Mail: Email Queue Manager" },
            Line("08:02:03,442", 1003, "prod", Cron, "Call from cron Sales: Update quotations for server action #212 failed in Job #31", OdooLogLevel.Error) with
            {
                Kind = Kind.CronFailed,
                Subject = "Sales: Update quotations",
                ContinuationLines = 9,
                ExceptionType = "psycopg2.errors.LockNotAvailable",
                ExceptionFrame = $"File \"{Dist}/sql_db.py\", line 250, in execute",
            },
            Line("09:00:00,100", 1001, "?", Server, "Worker (1001) virtual memory limit (2751463424) reached.") with { Kind = Kind.WorkerMemorySoftLimit, WorkerPid = 1001 },
            Line("09:20:00,000", 1002, "?", Server, "Worker (1002) max request (8192) reached.") with { Kind = Kind.WorkerRequestLimit, WorkerPid = 1002 },
            Line("09:25:00,000", 2000, "?", Server, "Server memory limit (5368709120) reached.", OdooLogLevel.Warning) with { Kind = Kind.WorkerMemorySoftLimit, WorkerPid = 2000 },
            Line("09:26:00,000", 2000, "?", Server, "Thread <Thread(odoo.service.http.request.140187351176960, started 140187351176960)> virtual real time limit (130/120s) reached.", OdooLogLevel.Warning) with
            {
                Kind = Kind.WorkerRealTimeLimit,
                WorkerPid = 2000,
            },
            Line("10:00:00,102", 1001, "prod", "odoo.service.model", "SERIALIZATION_FAILURE, retry 1/5 in 0.2531 sec...") with { Kind = Kind.SerializationRetry },
            Line("10:00:01,000", 1001, "prod", "odoo.service.model", "DEADLOCK_DETECTED, retry 1/5 in 0.5120 sec...") with { Kind = Kind.SerializationRetry },
        ], lines: 26);
    }

    [Fact]
    public void Every_entry_of_the_15_log()
    {
        AssertFixture("odoo-15.log", [
            Line("08:00:00,101", 1000, "?", "odoo", "Odoo version 15.0-20240301"),
            Line("08:00:00,215", 1001, "?", Server, "Worker WorkerHTTP (1001) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1001 },
            Line("08:00:04,412", 1001, "prod", "odoo.modules.registry", "Registry loaded in 3.412s") with { Kind = Kind.RegistryLoaded, Seconds = 3.412 },
            Request("08:00:05,120", 1001, "?", "GET", "/web/static/img/favicon.ico", 200),
            Request("08:00:05,500", 1001, "?", "GET", "/web/health", 200, (0, 0.000, 0.001), address: "10.1.2.7"),
            Line("08:00:09,880", 1001, "prod", Users, "Login failed for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginFailed },
            Line("08:00:15,010", 1001, "prod", Users, "Login successful for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginSucceeded },
            Request("08:00:15,402", 1001, "prod", "POST", "/web/dataset/call_kw/res.partner/web_search_read", 200, (12, 0.005, 0.031)),
            Request("08:00:16,500", 1001, "prod", "POST", "/longpolling/poll", 200, (6, 0.004, 50.012)),
            Request("08:00:17,020", 1001, "prod", "GET", "/web/image/res.partner/7/avatar_128", 200, (7, 0.004, 0.019)),
            Line("08:01:00,010", 1003, "prod", Cron, "Starting job `Mail: Email Queue Manager`.") with { Kind = Kind.CronStarted, Subject = "Mail: Email Queue Manager" },
            Line("08:01:00,532", 1003, "prod", Cron, "Job `Mail: Email Queue Manager` done.") with { Kind = Kind.CronDone, Subject = "Mail: Email Queue Manager" },
            Line("09:05:00,000", 1002, "prod", Server, "Worker (1002) CPU time limit (600) reached.") with { Kind = Kind.WorkerCpuLimit, WorkerPid = 1002 },
            Line("09:10:02,500", 1000, "?", Server, "WorkerHTTP (1004) timeout after 120s", OdooLogLevel.Error) with { Kind = Kind.WorkerRealTimeLimit, WorkerPid = 1004 },
            Line("10:00:00,102", 1001, "prod", "odoo.service.model", "SERIALIZATION_FAILURE, retry 1/5 in 0.2531 sec...") with { Kind = Kind.SerializationRetry },
            Line("11:00:00,000", 1001, "?", "werkzeug", "code 400, message Bad request version ('RTSP/1.0')", OdooLogLevel.Error),
            Request("11:00:00,001", 1001, "?", "GET", "/", 400, address: "10.1.2.66", protocol: "RTSP/1.0"),
        ], lines: 17);
    }
}

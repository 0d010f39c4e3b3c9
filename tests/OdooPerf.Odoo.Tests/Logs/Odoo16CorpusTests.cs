using OdooPerf.Odoo.Logs;
using Xunit;
using static OdooPerf.Odoo.Tests.Logs.CorpusExpectations;
using Kind = OdooPerf.Odoo.Logs.OdooLogEntryKind;

namespace OdooPerf.Odoo.Tests.Logs;

/// <summary>Odoo 16: counters started for every request (static files and websocket included), <c>N tries left</c> retries.</summary>
public sealed class Odoo16CorpusTests
{
    [Fact]
    public void Every_entry_of_the_16_log()
    {
        AssertFixture("odoo-16.log", [
            Line("08:00:00,101", 1000, "?", "odoo", "Odoo version 16.0-20240301"),
            Line("08:00:00,215", 1001, "?", Server, "Worker WorkerHTTP (1001) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1001 },
            Line("08:00:00,230", 1003, "?", Server, "Worker WorkerCron (1003) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1003 },
            Line("08:00:03,857", 1001, "prod", "odoo.modules.loading", "85 modules loaded in 2.10s, 0 queries (+0 extra)"),
            Line("08:00:04,412", 1001, "prod", "odoo.modules.registry", "Registry loaded in 2.900s") with { Kind = Kind.RegistryLoaded, Seconds = 2.9 },
            Request("08:00:05,001", 1001, "prod", "GET", "/web/login", 200, (41, 0.027, 0.354)),
            Request("08:00:05,120", 1001, "?", "GET", "/web/static/img/favicon.ico", 200, (0, 0.000, 0.002)),
            Line("08:00:09,880", 1001, "prod", Users, "Login failed for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginFailed },
            Line("08:00:15,010", 1001, "prod", Users, "Login successful for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginSucceeded },
            Request("08:00:15,098", 1001, "prod", "POST", "/web/login", 303, (47, 0.031, 0.152)),
            Request("08:00:15,402", 1001, "prod", "POST", "/web/dataset/call_kw/res.partner/web_search_read", 200, (12, 0.005, 0.031)),
            Request("08:00:16,002", 1001, "prod", "POST", "/web/dataset/call_button", 200, (214, 0.412, 1.523)),
            Request("08:00:16,500", 1001, "prod", "GET", "/websocket", 101, (2, 0.001, 0.004)),
            Request("08:00:17,020", 1001, "prod", "GET", "/report/pdf/sale.report_saleorder/42", 200, (88, 0.210, 3.874)),
            Request("08:00:18,331", 1001, "prod", "POST", "/xmlrpc/2/object", 200, (5, 0.002, 0.010), address: "10.1.2.9"),
            Line("08:01:00,010", 1003, "prod", Cron, "Starting job `Mail: Email Queue Manager`.") with { Kind = Kind.CronStarted, Subject = "Mail: Email Queue Manager" },
            Line("08:01:00,532", 1003, "prod", Cron, "Job `Mail: Email Queue Manager` done.") with { Kind = Kind.CronDone, Subject = "Mail: Email Queue Manager" },
            Line("08:02:00,011", 1003, "prod", Cron, "Starting job `Procurement: run scheduler`.") with { Kind = Kind.CronStarted, Subject = "Procurement: run scheduler" },
            Line("08:02:03,442", 1003, "prod", Cron, "Call from cron Procurement: run scheduler for server action #147 failed in Job #12", OdooLogLevel.Error) with
            {
                Kind = Kind.CronFailed,
                Subject = "Procurement: run scheduler",
                ContinuationLines = 6,
                ExceptionType = "odoo.exceptions.UserError",
                ExceptionFrame = "File \"/usr/lib/python3/dist-packages/odoo/addons/stock/models/stock_rule.py\", line 232, in _run_pull",
            },
            Line("09:00:00,100", 1001, "?", Server, "Worker (1001) virtual memory limit (2751463424) reached.") with { Kind = Kind.WorkerMemorySoftLimit, WorkerPid = 1001 },
            Line("09:00:00,101", 1001, "?", Server, "Worker (1001) exiting. request_count: 1412, registry count: 1.") with { Kind = Kind.WorkerExited, WorkerPid = 1001 },
            Line("09:05:00,000", 1002, "prod", Server, "Worker (1002) CPU time limit (600) reached.") with { Kind = Kind.WorkerCpuLimit, WorkerPid = 1002 },
            Line("09:05:00,004", 1002, "prod", "odoo.http", "Exception during request handling.", OdooLogLevel.Error) with
            {
                Kind = Kind.Traceback,
                ContinuationLines = 6,
                ExceptionType = "Exception",
                ExceptionFrame = "File \"/usr/lib/python3/dist-packages/odoo/service/server.py\", line 1013, in time_expired",
            },
            Line("09:10:02,500", 1000, "?", Server, "WorkerHTTP (1004) timeout after 120s", OdooLogLevel.Error) with { Kind = Kind.WorkerRealTimeLimit, WorkerPid = 1004 },
            Line("09:20:00,000", 1002, "?", Server, "Worker (1002) max request (8192) reached.") with { Kind = Kind.WorkerRequestLimit, WorkerPid = 1002 },
            Line("09:30:00,000", 1005, "prod", "odoo.http", "Exception during request handling.", OdooLogLevel.Error) with
            {
                Kind = Kind.WorkerMemoryHardLimit,
                ContinuationLines = 6,
                ExceptionType = "MemoryError",
                ExceptionFrame = "File \"/usr/lib/python3/dist-packages/odoo/addons/base/models/ir_actions_report.py\", line 878, in _render_qweb_pdf",
            },
            Line("10:00:00,100", 1001, "prod", "odoo.sql_db", "bad query: UPDATE \"stock_quant\" SET \"quantity\" = 12.0, \"write_uid\" = 2 WHERE id IN (318)", OdooLogLevel.Error) with
            {
                ContinuationLines = 2,
            },
            Line("10:00:00,102", 1001, "prod", "odoo.service.model", "SERIALIZATION_FAILURE, 4 tries left, try again in 0.7312 sec...") with { Kind = Kind.SerializationRetry },
            Line("10:00:05,001", 1001, "prod", "odoo.service.model", "SERIALIZATION_FAILURE, maximum number of tries reached!"),
            Line("10:00:05,003", 1001, "prod", "odoo.http", "Exception during request handling.", OdooLogLevel.Error) with
            {
                Kind = Kind.Traceback,
                ContinuationLines = 7,
                ExceptionType = "psycopg2.errors.SerializationFailure",
                ExceptionFrame = "File \"/usr/lib/python3/dist-packages/odoo/sql_db.py\", line 315, in execute",
            },
            Request("10:00:05,010", 1001, "prod", "POST", "/web/dataset/call_button", 200, (31, 0.051, 4.733)),
        ], lines: 58);
    }
}

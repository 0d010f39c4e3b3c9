using OdooPerf.Odoo.Logs;
using Xunit;
using static OdooPerf.Odoo.Tests.Logs.CorpusExpectations;
using Kind = OdooPerf.Odoo.Logs.OdooLogEntryKind;

namespace OdooPerf.Odoo.Tests.Logs;

/// <summary>
/// Odoo 17 to 19: cron lines per version (17 <c>Job done: `NAME` (1.234s).</c>, 18 <c>Job 'NAME' (ID) done in</c>, 19 the
/// <c>fully done (#loop ...; duration ...)</c> summary), the 18+ cursor-mode field, 19's <c>#model.method</c> path suffix,
/// 19's login line without the database, Python 3.11+ caret lines and chained exceptions in tracebacks.
/// </summary>
public sealed class Odoo17To19CorpusTests
{
    private const string Dist = "/usr/lib/python3/dist-packages/odoo";

    [Fact]
    public void Every_entry_of_the_17_log()
    {
        AssertFixture("odoo-17.log", [
            Line("08:00:00,101", 1000, "?", "odoo", "Odoo version 17.0-20240301"),
            Line("08:00:00,215", 1001, "?", Server, "Worker WorkerHTTP (1001) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1001 },
            Line("08:00:04,412", 1001, "prod", "odoo.modules.registry", "Registry loaded in 1.874s") with { Kind = Kind.RegistryLoaded, Seconds = 1.874 },
            Request("08:00:05,120", 1001, "?", "GET", "/web/static/img/favicon.ico", 200, (0, 0.000, 0.002)),
            Request("08:00:05,240", 1001, "prod", "GET", "/web/assets/1/8f3a9c1/web.assets_web.min.js", 200, (3, 0.002, 0.184)),
            Line("08:00:09,880", 1001, "prod", Users, "Login failed for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginFailed },
            Line("08:00:15,010", 1001, "prod", Users, "Login successful for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginSucceeded },
            Request("08:00:15,402", 1001, "prod", "POST", "/web/dataset/call_kw/res.partner/web_search_read", 200, (12, 0.005, 0.031)),
            Request("08:00:16,500", 1001, "prod", "GET", "/websocket?version=17.0-3", 101, (2, 0.001, 0.005)),
            Request("08:00:17,020", 1001, "prod", "POST", "/web/action/load", 200, (9, 0.004, 0.021)),
            Line("08:01:00,010", 1003, "prod", Cron, "Starting job `Mail: Email Queue Manager`.") with { Kind = Kind.CronStarted, Subject = "Mail: Email Queue Manager" },
            Line("08:01:00,532", 1003, "prod", Cron, "Job done: `Mail: Email Queue Manager` (0.522s).") with
            {
                Kind = Kind.CronDone, Subject = "Mail: Email Queue Manager", Seconds = 0.522,
            },
            Line("08:02:00,011", 1003, "prod", Cron, "Starting job `Procurement: run scheduler`.") with { Kind = Kind.CronStarted, Subject = "Procurement: run scheduler" },
            Line("08:02:03,442", 1003, "prod", Cron, "Call from cron Procurement: run scheduler for server action #147 failed in Job #12", OdooLogLevel.Error) with
            {
                Kind = Kind.CronFailed,
                Subject = "Procurement: run scheduler",
                ContinuationLines = 6,
                ExceptionType = "odoo.addons.stock.models.stock_rule.ProcurementException",
                ExceptionFrame = $"File \"{Dist}/addons/stock/models/stock_rule.py\", line 243, in _run_pull",
            },
            Line("09:00:00,100", 1001, "?", Server, "Worker (1001) virtual memory limit (2751463424) reached.") with { Kind = Kind.WorkerMemorySoftLimit, WorkerPid = 1001 },
            Line("09:26:00,000", 2000, "?", Server, "Thread <Thread(odoo.service.http.request.140187351176960, started 140187351176960)> virtual real time limit (130/120s) reached.", OdooLogLevel.Warning) with
            {
                Kind = Kind.WorkerRealTimeLimit,
                WorkerPid = 2000,
            },
            Line("10:00:00,102", 1001, "prod", "odoo.service.model", "SERIALIZATION_FAILURE, 4 tries left, try again in 0.7312 sec...") with { Kind = Kind.SerializationRetry },
            Line("10:00:05,003", 1001, "prod", "odoo.http", "Exception during request handling.", OdooLogLevel.Error) with
            {
                // Chained: the last traceback printed is the exception that was raised.
                Kind = Kind.Traceback,
                ContinuationLines = 16,
                ExceptionType = "odoo.exceptions.ValidationError",
                ExceptionFrame = $"File \"{Dist}/addons/stock/models/stock_quant.py\", line 912, in _update_available_quantity",
            },
            Request("10:00:05,010", 1001, "prod", "POST", "/web/dataset/call_button", 200, (31, 0.051, 4.733)),
            Line("11:00:00,000", 1001, "prod", "werkzeug", "Error on request:", OdooLogLevel.Error) with
            {
                Kind = Kind.Traceback,
                ContinuationLines = 6,
                ExceptionType = "BrokenPipeError",
                ExceptionFrame = "File \"/usr/lib/python3/dist-packages/werkzeug/serving.py\", line 296, in write",
            },
        ], lines: 48);
    }

    [Fact]
    public void Every_entry_of_the_18_log()
    {
        AssertFixture("odoo-18.log", [
            Line("08:00:00,101", 1000, "?", "odoo", "Odoo version 18.0-20240301"),
            Line("08:00:00,215", 1001, "?", Server, "Worker WorkerHTTP (1001) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1001 },
            Line("08:00:04,412", 1001, "prod", "odoo.modules.registry", "Registry loaded in 1.512s") with { Kind = Kind.RegistryLoaded, Seconds = 1.512 },
            Request("08:00:05,120", 1001, "?", "GET", "/web/static/img/favicon.ico", 200, (0, 0.000, 0.002)),
            Line("08:00:09,880", 1001, "prod", Users, "Login failed for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginFailed },
            Line("08:00:15,010", 1001, "prod", Users, "Login successful for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginSucceeded },
            Request("08:00:15,402", 1001, "prod", "POST", "/web/dataset/call_kw/res.partner/web_search_read", 200, (12, 0.005, 0.031)),
            Request("08:00:16,002", 1001, "prod", "POST", "/web/dataset/call_button/sale.order/action_confirm", 200, (214, 0.412, 1.523)),
            Request("08:00:16,500", 1001, "prod", "GET", "/websocket?version=18.0-2", 101, (2, 0.001, 0.005)),
            Line("08:01:00,010", 1003, "prod", Cron, "Job 'Mail: Email Queue Manager' (3) starting") with { Kind = Kind.CronStarted, Subject = "Mail: Email Queue Manager" },
            Line("08:01:00,532", 1003, "prod", Cron, "Job 'Mail: Email Queue Manager' (3) done in 0.522s") with
            {
                Kind = Kind.CronDone, Subject = "Mail: Email Queue Manager", Seconds = 0.522,
            },
            Line("08:01:30,000", 1003, "prod", Cron, "Job \"Partner's autovacuum\" (5) starting") with { Kind = Kind.CronStarted, Subject = "Partner's autovacuum" },
            Line("08:02:00,011", 1003, "prod", Cron, "Job 'Procurement: run scheduler' (12) starting") with { Kind = Kind.CronStarted, Subject = "Procurement: run scheduler" },
            Line("08:02:03,442", 1003, "prod", Cron, "Job 'Procurement: run scheduler' (12) server action #147 failed", OdooLogLevel.Error) with
            {
                Kind = Kind.CronFailed,
                Subject = "Procurement: run scheduler",
                ContinuationLines = 6,
                ExceptionType = "odoo.addons.stock.models.stock_rule.ProcurementException",
                ExceptionFrame = $"File \"{Dist}/addons/stock/models/stock_rule.py\", line 243, in _run_pull",
            },
            Line("09:00:00,100", 1001, "?", Server, "Worker (1001) virtual memory limit (2751463424) reached.") with { Kind = Kind.WorkerMemorySoftLimit, WorkerPid = 1001 },
            Line("09:00:00,101", 1001, "?", Server, "Worker (1001) exiting. request_count: 1412, registry count: 1.") with { Kind = Kind.WorkerExited, WorkerPid = 1001 },
            Line("09:30:00,000", 1005, "prod", "odoo.http", "Exception during request handling.", OdooLogLevel.Error) with
            {
                Kind = Kind.WorkerMemoryHardLimit,
                ContinuationLines = 8,
                ExceptionType = "MemoryError",
                ExceptionFrame = $"File \"{Dist}/tools/pdf/__init__.py\", line 312, in merge_pdf",
            },
            Line("10:00:00,102", 1001, "prod", "odoo.service.model", "SERIALIZATION_FAILURE, 4 tries left, try again in 0.7312 sec...") with { Kind = Kind.SerializationRetry },
            Line("12:00:00,101", 3000, "?", "odoo", "Odoo version 18.0-20240301"),
            Line("12:00:00,150", 3000, "?", "odoo.sql_db", "Connection to the database replica prod-ro:5432"),
            Request("12:00:05,001", 3001, "prod", "POST", "/web/dataset/call_kw/res.partner/web_search_read", 200, (12, 0.005, 0.031), "ro"),
            Request("12:00:05,500", 3001, "prod", "POST", "/web/dataset/call_kw/sale.order/write", 200, (27, 0.019, 0.085), "rw"),
            Request("12:00:06,010", 3001, "prod", "POST", "/web/dataset/call_kw/sale.order/action_confirm", 200, (160, 0.301, 0.911), "ro->rw"),
            Request("12:00:07,000", 3001, "?", "GET", "/web/static/img/favicon.ico", 200, (0, 0.000, 0.002), "-"),
            Line("12:00:08,000", 3001, "?", "werkzeug", "code 400, message Bad request syntax ('\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01')", OdooLogLevel.Error),
        ], lines: 39);
    }

    [Fact]
    public void Every_entry_of_the_19_log()
    {
        AssertFixture("odoo-19.log", [
            Line("08:00:00,101", 1000, "?", "odoo", "Odoo version 19.0-20250918"),
            Line("08:00:00,215", 1001, "?", Server, "Worker WorkerHTTP (1001) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1001 },
            Line("08:00:04,412", 1001, "prod", "odoo.registry", "Registry loaded in 1.203s") with { Kind = Kind.RegistryLoaded, Seconds = 1.203 },
            Request("08:00:05,120", 1001, "?", "GET", "/web/static/img/favicon.ico", 200, (0, 0.000, 0.002), "-"),
            Line("08:00:09,880", 1001, "prod", Users, "Login failed for login:jdoe from 10.1.2.3") with { Kind = Kind.LoginFailed },
            Line("08:00:15,010", 1001, "prod", Users, "Login successful for login:jdoe from 10.1.2.3") with { Kind = Kind.LoginSucceeded },
            Request("08:00:15,402", 1001, "prod", "POST", "/web/dataset/call_kw/res.partner.web_search_read", 200, (12, 0.005, 0.031), "ro"),
            Request("08:00:16,002", 1001, "prod", "POST", "/web/dataset/call_button/sale.order.action_confirm", 200, (214, 0.412, 1.523), "ro->rw"),
            Request("08:00:16,500", 1001, "prod", "GET", "/websocket?version=19.0-1", 101, (2, 0.001, 0.005), "ro"),
            Request("08:00:17,100", 1001, "prod", "POST", "/jsonrpc#sale.order.search_read", 200, (8, 0.004, 0.022), "ro", address: "10.1.2.9"),
            Request("08:00:17,300", 1001, "prod", "POST", "/xmlrpc/2/object#res.partner.write", 200, (14, 0.009, 0.040), "rw", address: "10.1.2.9"),
            Request("08:00:17,600", 1001, "prod", "POST", "/json/2/res.partner/search_read", 200, (6, 0.003, 0.017), "ro", address: "10.1.2.9"),
            Line("08:01:00,010", 1003, "prod", Cron, "Job 'Mail: Email Queue Manager' (3) starting") with { Kind = Kind.CronStarted, Subject = "Mail: Email Queue Manager" },
            Line("08:01:00,532", 1003, "prod", Cron, "Job 'Mail: Email Queue Manager' (3) fully done (#loop 1; done 0; remaining 0; duration 0.52s)") with
            {
                Kind = Kind.CronDone, Subject = "Mail: Email Queue Manager", Seconds = 0.52,
            },
            Line("08:01:40,000", 1003, "prod", Cron, "Job 'Mass mailing: send' (9) starting") with { Kind = Kind.CronStarted, Subject = "Mass mailing: send" },
            Line("08:01:50,100", 1003, "prod", Cron, "Job 'Mass mailing: send' (9) partially done (#loop 10; done 5000; remaining 1200; duration 10.10s)") with
            {
                Kind = Kind.CronDone, Subject = "Mass mailing: send", Seconds = 10.1,
            },
            Line("08:02:00,011", 1003, "prod", Cron, "Job 'Procurement: run scheduler' (12) starting") with { Kind = Kind.CronStarted, Subject = "Procurement: run scheduler" },
            Line("08:02:03,442", 1003, "prod", Cron, "Job 'Procurement: run scheduler' (12) server action #147 failed", OdooLogLevel.Error) with
            {
                Kind = Kind.CronFailed,
                Subject = "Procurement: run scheduler",
                ContinuationLines = 7,
                ExceptionType = "odoo.addons.stock.models.stock_rule.ProcurementException",
                ExceptionFrame = $"File \"{Dist}/addons/stock/models/stock_rule.py\", line 251, in _run_pull",
            },
            Line("08:02:03,450", 1003, "prod", Cron, "Job 'Procurement: run scheduler' (12) failed (#loop 1; done 0; remaining 0; duration 3.44s)") with
            {
                Kind = Kind.CronFailed, Subject = "Procurement: run scheduler", Seconds = 3.44,
            },
            Line("08:05:00,000", 1003, "prod", Cron, "Job 'Heavy export' (44) timed out", OdooLogLevel.Error) with { Kind = Kind.CronFailed, Subject = "Heavy export" },
            Line("08:05:30,000", 1003, "prod", Cron, "Job 'Mass mailing: send' (9) processed no record", OdooLogLevel.Warning),
            Line("09:00:00,100", 1001, "?", Server, "Worker (1001) virtual memory limit (2751463424) reached.") with { Kind = Kind.WorkerMemorySoftLimit, WorkerPid = 1001 },
            Line("09:05:00,000", 1002, "prod", Server, "Worker (1002) CPU time limit (600) reached.") with { Kind = Kind.WorkerCpuLimit, WorkerPid = 1002 },
            Line("09:10:02,500", 1000, "?", Server, "WorkerHTTP (1004) timeout after 120s", OdooLogLevel.Error) with { Kind = Kind.WorkerRealTimeLimit, WorkerPid = 1004 },
            Line("09:25:00,000", 2000, "?", Server, "Server memory limit (5368709120) reached.", OdooLogLevel.Warning) with { Kind = Kind.WorkerMemorySoftLimit, WorkerPid = 2000 },
            Line("10:00:00,102", 1001, "prod", "odoo.service.model", "SERIALIZATION_FAILURE, 4 tries left, try again in 0.7312 sec...") with { Kind = Kind.SerializationRetry },
        ], lines: 33);
    }
}

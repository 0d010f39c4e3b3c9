using OdooPerf.Odoo.Logs;
using Xunit;
using static OdooPerf.Odoo.Tests.Logs.CorpusExpectations;
using Kind = OdooPerf.Odoo.Logs.OdooLogEntryKind;

namespace OdooPerf.Odoo.Tests.Logs;

/// <summary>
/// The same Odoo lines as written to a TTY (colours), through syslog (<c>--syslog</c>, rsyslog file), through journald
/// (<c>journalctl</c> short output) and from containers (<c>docker logs -t</c>, CRI node logs).
/// </summary>
public sealed class VariantCorpusTests
{
    private const string Http = "File \"/usr/lib/python3/dist-packages/odoo/http.py\"";

    [Fact]
    public void Colours_of_a_tty_are_removed_from_levels_perf_fields_cursor_modes_and_request_lines()
    {
        AssertFixture("variant-colours.log", [
            Line("08:00:00,101", 1000, "?", "odoo", "Odoo version 18.0-20240301"),
            Request("08:00:05,001", 1001, "prod", "POST", "/web/dataset/call_kw/res.partner/web_search_read", 200, (12, 0.005, 0.031), "ro"),
            Request("08:00:06,001", 1001, "prod", "POST", "/web/dataset/call_button/sale.order/action_confirm", 200, (214, 0.412, 1.523), "ro->rw"),
            Request("08:00:07,000", 1001, "prod", "GET", "/websocket?version=18.0-2", 101, (2, 0.001, 0.005), "ro"),
            Request("08:00:08,000", 1001, "prod", "GET", "/shop/nothing", 404, (5, 0.003, 0.020), "ro"),
            Request("08:00:09,000", 1001, "prod", "POST", "/web/dataset/call_kw/sale.order/write", 500, (1203, 3.402, 6.100), "rw"),
            Line("08:00:10,000", 1001, "prod", "odoo.http", "Access Denied by record rules for operation: read on record ids: [42], uid: 7, model: sale.order", OdooLogLevel.Warning),
            Line("08:00:11,000", 1001, "prod", "odoo.http", "Exception during request handling.", OdooLogLevel.Error) with
            {
                Kind = Kind.WorkerMemoryHardLimit,
                ContinuationLines = 6,
                ExceptionType = "MemoryError",
                ExceptionFrame = "File \"/usr/lib/python3/dist-packages/odoo/tools/pdf/__init__.py\", line 312, in merge_pdf",
            },
            Line("08:00:12,000", 1000, "?", Server, "Failed to load server-wide module `queue_job`.", OdooLogLevel.Critical),
            Line("08:00:13,000", 1001, "prod", "odoo.sql_db", "create serialized cursor to {'database': 'prod'}", OdooLogLevel.Debug),
        ], lines: 16);
    }

    [Fact]
    public void Syslog_lines_take_the_prefix_time_and_unfold_the_traceback_rsyslog_escaped()
    {
        // BSD syslog prints no year: it comes from the last full timestamp read (here the RFC 3339 line).
        static RecordedEntry Syslog(RecordedEntry entry) => entry with { Pid = 0, Format = OdooLogLineFormat.Syslog };

        AssertFixture("variant-syslog.log", [
            Syslog(Line("07:59:00,123", 0, "?", Server, "Server memory limit (5368709120) reached.", OdooLogLevel.Warning) with { Kind = Kind.WorkerMemorySoftLimit }),
            Syslog(Line("08:00:00,000", 0, "?", Server, "Worker WorkerHTTP (1001) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1001 }),
            Syslog(Request("08:00:05,000", 0, "prod", "POST", "/web/dataset/call_kw/res.partner/web_search_read", 200)),
            Syslog(Line("08:01:00,000", 0, "prod", Cron, "Job done: `Mail: Email Queue Manager` (0.522s).") with
            {
                Kind = Kind.CronDone, Subject = "Mail: Email Queue Manager", Seconds = 0.522,
            }),
            Syslog(Line("08:02:00,000", 0, "prod", Users, "Login failed for db:prod login:jdoe from 10.1.2.3") with { Kind = Kind.LoginFailed }),
            Syslog(Line("08:03:00,000", 0, "prod", "odoo.http", "Exception during request handling.", OdooLogLevel.Error) with
            {
                Kind = Kind.WorkerMemoryHardLimit,
                ExceptionType = "MemoryError",
                ExceptionFrame = $"{Http}, line 2190, in __call__",
            }),
        ], lines: 8, unparsed: 2);
    }

    [Fact]
    public void Journald_prefixes_are_removed_from_every_line_and_other_units_do_not_join_a_traceback()
    {
        AssertFixture("variant-journald.log", [
            Line("08:00:00,215", 1001, "?", Server, "Worker WorkerHTTP (1001) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 1001 },
            Request("08:00:05,001", 1001, "prod", "POST", "/web/dataset/call_kw/res.partner/web_search_read", 200, (12, 0.005, 0.031)),
            Line("08:00:06,000", 1001, "prod", "odoo.http", "Exception during request handling.", OdooLogLevel.Error) with
            {
                Kind = Kind.Traceback,
                ContinuationLines = 5,
                ExceptionType = "psycopg2.errors.SerializationFailure",
                ExceptionFrame = $"{Http}, line 1995, in __call__",
            },
            Line("08:00:07,000", 1001, "prod", "odoo.service.model", "SERIALIZATION_FAILURE, 4 tries left, try again in 0.7312 sec...") with { Kind = Kind.SerializationRetry },
            // --syslog to journald: journalctl indents the rest of the message under the prefix.
            Line("08:00:08,123", 0, "prod", "odoo.http", "Exception during request handling.", OdooLogLevel.Error) with
            {
                Format = OdooLogLineFormat.Syslog,
                Kind = Kind.WorkerMemoryHardLimit,
                ContinuationLines = 4,
                ExceptionType = "MemoryError",
                ExceptionFrame = $"{Http}, line 1995, in __call__",
            },
        ], lines: 16, unparsed: 2);
    }

    [Fact]
    public void Docker_timestamps_are_removed_from_every_line()
    {
        AssertFixture("variant-docker.log", [
            Line("08:00:00,215", 7, "?", Server, "Worker WorkerHTTP (7) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 7 },
            Request("08:00:05,001", 7, "prod", "POST", "/web/dataset/call_kw/res.partner/web_search_read", 200, (12, 0.005, 0.031), address: "172.18.0.1"),
            Line("08:00:06,000", 7, "prod", "odoo.http", "Exception during request handling.", OdooLogLevel.Error) with
            {
                Kind = Kind.WorkerMemoryHardLimit,
                ContinuationLines = 4,
                ExceptionType = "MemoryError",
                ExceptionFrame = $"{Http}, line 2190, in __call__",
            },
            Line("08:01:00,010", 8, "prod", Cron, "Starting job `Mail: Email Queue Manager`.") with { Kind = Kind.CronStarted, Subject = "Mail: Email Queue Manager" },
        ], lines: 8);
    }

    [Fact]
    public void Cri_prefixes_are_removed_from_every_line()
    {
        AssertFixture("variant-cri.log", [
            Line("08:00:00,215", 7, "?", Server, "Worker WorkerHTTP (7) alive") with { Kind = Kind.WorkerStarted, WorkerPid = 7 },
            Request("08:00:05,001", 7, "prod", "POST", "/web/dataset/call_kw/res.partner.web_search_read", 200, (12, 0.005, 0.031), "ro", address: "10.42.0.1"),
            Line("08:00:06,000", 7, "prod", Cron, "Job 'Procurement: run scheduler' (12) server action #147 failed", OdooLogLevel.Error) with
            {
                Kind = Kind.CronFailed,
                Subject = "Procurement: run scheduler",
                ContinuationLines = 4,
                ExceptionType = "odoo.addons.stock.models.stock_rule.ProcurementException",
                ExceptionFrame = "File \"/usr/lib/python3/dist-packages/odoo/addons/stock/models/stock_rule.py\", line 251, in _run_pull",
            },
            Request("08:00:07,000", 7, "prod", "GET", "/web/health", 200, (0, 0.000, 0.001), "-", address: "10.42.0.1"),
        ], lines: 8);
    }
}

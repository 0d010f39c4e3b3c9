using OdooPerf.Collector.OdooLog.Report;
using Xunit;
using static OdooPerf.Collector.Tests.OdooLog.Report.LogText;

namespace OdooPerf.Collector.Tests.OdooLog.Report;

/// <summary>What the report says about small hand-written logs; every expected figure is worked out by hand in the comments.</summary>
public sealed class LogReportAggregationTests
{
    private static readonly DateTime T = Day.AddHours(10);

    [Fact]
    public void Percentiles_counts_and_sql_per_call_are_right()
    {
        // 20 reads lasting 10, 20, ..., 200 ms; request k runs k queries.
        var lines = Enumerable.Range(1, 20).Select(k => CallKw(T.AddSeconds(k), 100 + (k % 3), "res.partner", "read", k * 10, queries: k)).ToArray();

        var report = ReportOn(Lines(lines));

        Assert.Equal(20, report.Totals.Requests);
        Assert.Equal(20, report.Totals.TimedRequests);
        Assert.Equal(0, report.Totals.Errors);
        // Nearest rank: p50 is the 10th value, p95 the 19th, p99 the 20th.
        Assert.Equal(0.100, report.Overall.P50Seconds);
        Assert.Equal(0.190, report.Overall.P95Seconds);
        Assert.Equal(0.200, report.Overall.P99Seconds);
        Assert.Equal(0.200, report.Overall.MaxSeconds);
        Assert.Equal(2.1, report.Totals.RequestSeconds, 6);     // 10 + 20 + ... + 200 ms
        Assert.Equal(0.105, report.Overall.MeanSeconds, 6);

        var row = Assert.Single(report.ModelMethods);
        Assert.Equal(("res.partner", "read", "res.partner.read"), (row.Model, row.Method, row.Label));
        Assert.Equal(20, row.Count);
        Assert.Equal(10.5, row.SqlQueriesPerCall);              // (1 + ... + 20) / 20
        Assert.Equal(1.0, row.ShareOfTime);
        Assert.Equal("read", Assert.Single(report.Routes).Name);
        Assert.Equal(20, report.MostSqlQueries[0].SqlQueries);
        Assert.Equal(0.2, report.SlowestRequests[0].Seconds, 6);
        Assert.Equal(new StatusCount(200, 20), Assert.Single(report.StatusCodes));
    }

    [Fact]
    public void Percentiles_do_not_depend_on_the_order_of_the_lines()
    {
        // 7 values 1..7 ms in any order: rank = round(p * 7 / 100): p50 -> 4th (4 ms), p95 -> 7th, p99 -> 7th.
        int[] order = [5, 1, 3, 7, 2, 6, 4];
        var report = ReportOn(Lines([.. order.Select((ms, i) => CallKw(T.AddSeconds(i), 100, "sale.order", "web_read", ms))]));

        Assert.Equal((0.004, 0.007, 0.007), (report.Overall.P50Seconds, report.Overall.P95Seconds, report.Overall.P99Seconds));
    }

    [Fact]
    public void Long_durations_keep_their_exact_maximum_and_percentiles_within_one_percent()
    {
        // 100 requests: 99 of 1.234 s, one of 4000 s (beyond the histogram's hour: counted at the top, max exact).
        var lines = Enumerable.Range(0, 99).Select(i => CallKw(T.AddSeconds(i), 100, "account.move", "action_post", 1234))
            .Append(CallKw(T.AddSeconds(120), 100, "account.move", "action_post", 4_000_000));

        var report = ReportOn(Lines([.. lines]));

        Assert.InRange(report.Overall.P50Seconds, 1.234, 1.234 * 1.01);
        Assert.Equal(4000, report.Overall.MaxSeconds);
        Assert.Equal(4000, report.SlowestRequests[0].Seconds, 6);
    }

    [Fact]
    public void Errors_are_5xx_and_request_tracebacks_counted_once_per_request()
    {
        var log = Lines(
            CallKw(T, 101, "sale.order", "read", 10),
            // A JSON-RPC error: traceback, then the request line answered 200. One error, on action_confirm.
            Line(T.AddSeconds(1), 102, "ERROR", "odoo.http", "Exception during request handling."),
            Traceback("KeyError", "/opt/odoo/addons/sale/models/sale_order.py", 874, "action_confirm"),
            CallKw(T.AddSeconds(1.1), 102, "sale.order", "action_confirm", 50),
            // An HTTP error: traceback, then 500. One error, not two.
            Line(T.AddSeconds(2), 103, "ERROR", "odoo.http", "Exception during request handling."),
            Traceback("ValueError", "/opt/odoo/addons/web/controllers/binary.py", 42, "content_common"),
            Request(T.AddSeconds(2.1), 103, "GET", "/web/content/5", 500, 3, 0.001, 0.002),
            // A 503 without a traceback: one error.
            Request(T.AddSeconds(3), 104, "GET", "/web/health", 503, 0, 0, 0.001),
            // A traceback whose request never logged a line (the worker was killed): one error.
            Line(T.AddSeconds(4), 105, "ERROR", "odoo.http", "Exception during request handling."),
            Traceback("MemoryError", "/opt/odoo/odoo/models.py", 3811, "_read"),
            // Not an error.
            Request(T.AddSeconds(5), 101, "GET", "/web/image/res.partner/7/avatar_128", 404, 2, 0.001, 0.001));

        var report = ReportOn(log);

        Assert.Equal(5, report.Totals.Requests);
        Assert.Equal(2, report.Totals.ServerErrors);
        Assert.Equal(3, report.Totals.RequestTracebacks);
        Assert.Equal(4, report.Totals.Errors);
        Assert.Equal(0.8, report.Totals.ErrorRate, 6);
        Assert.Equal(1, report.ModelMethods.Single(r => r.Method == "action_confirm").Errors);
        Assert.Equal(0, report.ModelMethods.Single(r => r.Method == "read").Errors);
        Assert.Equal(3, report.Tracebacks.Count);
        Assert.Equal([200, 200, 404, 500, 503], report.StatusCodes.SelectMany(s => Enumerable.Repeat(s.Status, (int)s.Count)));
    }

    [Fact]
    public void Tracebacks_are_grouped_by_exception_type_and_innermost_frame()
    {
        var log = Lines(
            Line(T, 101, "ERROR", "odoo.http", "Exception during request handling."),
            Traceback("psycopg2.errors.SerializationFailure", "/opt/odoo/odoo/sql_db.py", 332, "execute"),
            Line(T.AddMinutes(5), 102, "ERROR", "odoo.http", "Exception during request handling."),
            Traceback("psycopg2.errors.SerializationFailure", "/opt/odoo/odoo/sql_db.py", 332, "execute"),
            Line(T.AddMinutes(9), 103, "ERROR", "odoo.http", "Exception during request handling."),
            Traceback("psycopg2.errors.SerializationFailure", "/opt/odoo/addons/stock/models/stock_quant.py", 80, "_update"),
            Line(T.AddMinutes(1), 104, "ERROR", "odoo.addons.base.models.ir_cron", "Call from cron Digest Emails for server action #3 failed in Job #4"),
            Traceback("KeyError", "/opt/odoo/addons/digest/models/digest.py", 120, "_action_send"));

        var report = ReportOn(log);

        Assert.Equal(4, report.Totals.Tracebacks);
        var first = report.Tracebacks[0];
        Assert.Equal(("psycopg2.errors.SerializationFailure", Frame("/opt/odoo/odoo/sql_db.py", 332, "execute"), 2L), (first.ExceptionType, first.Frame, first.Count));
        Assert.Equal((T, T.AddMinutes(5)), (first.FirstSeen!.Value, first.LastSeen!.Value));
        Assert.Equal("odoo.http", first.Logger);
        Assert.Contains(report.Tracebacks, t => t.Frame.Contains("stock_quant.py", StringComparison.Ordinal) && t.Count == 1);
        Assert.Contains(report.Tracebacks, t => t.ExceptionType == "KeyError" && t.Logger == "odoo.addons.base.models.ir_cron");
    }

    [Fact]
    public void Crons_get_their_duration_from_the_log_or_from_their_start_line_and_count_failures()
    {
        const string Cron = "odoo.addons.base.models.ir_cron";
        var log = Lines(
            // Odoo 17: the duration is on the done line.
            Line(T, 200, "INFO", Cron, "Starting job `A`."),
            Line(T.AddSeconds(1.5), 200, "INFO", Cron, "Job done: `A` (1.500s)."),
            // Odoo 14-16: no duration; 4 s from start to done on the same worker.
            Line(T, 201, "INFO", Cron, "Starting job `B`."),
            Line(T.AddSeconds(4), 201, "INFO", Cron, "Job `B` done."),
            // Odoo 18.
            Line(T, 202, "INFO", Cron, "Job 'C' (12) starting"),
            Line(T.AddSeconds(2.5), 202, "INFO", Cron, "Job 'C' (12) done in 2.500s"),
            // B again, failing.
            Line(T.AddMinutes(5), 203, "INFO", Cron, "Starting job `B`."),
            Line(T.AddMinutes(6), 203, "ERROR", Cron, "Call from cron B for server action #5 failed in Job #3"),
            Traceback("psycopg2.errors.LockNotAvailable", "/opt/odoo/odoo/sql_db.py", 332, "execute"));

        var report = ReportOn(log);

        Assert.Equal(["B", "C", "A"], report.Crons.Select(c => c.Job));
        var b = report.Crons[0];
        Assert.Equal((2L, 1L, 1L), (b.Started, b.Done, b.Failed));
        Assert.Equal(4.0 + 60.0, b.TotalSeconds);                 // the failed run ran 60 s before failing
        Assert.Equal(60.0, b.MaxSeconds);
        Assert.Equal(2.5, report.Crons[1].TotalSeconds);
        Assert.Equal((1L, 1.5), (report.Crons[2].Done, report.Crons[2].MaxSeconds));
        Assert.Equal(1, report.Timeline.Buckets.Sum(x => x.CronFailures));
    }

    [Fact]
    public void An_odoo_19_failed_run_logged_twice_is_one_failure()
    {
        const string Cron = "odoo.addons.base.models.ir_cron";
        var log = Lines(
            Line(T, 300, "INFO", Cron, "Job 'D' (7) starting"),
            Line(T.AddSeconds(3), 300, "ERROR", Cron, "Job 'D' (7) server action #9 failed"),
            Traceback("odoo.exceptions.UserError", "/opt/odoo/addons/stock/models/stock_rule.py", 232, "_run_pull"),
            Line(T.AddSeconds(3.01), 300, "INFO", Cron, "Job 'D' (7) failed (#loop 1; done 0; remaining 0; duration 3.01s)"),
            // The next run of D on the same worker fails again: a second failure.
            Line(T.AddMinutes(1), 300, "INFO", Cron, "Job 'D' (7) starting"),
            Line(T.AddMinutes(1).AddSeconds(1), 300, "INFO", Cron, "Job 'D' (7) failed (#loop 1; done 0; remaining 0; duration 1.00s)"));

        var report = ReportOn(log);

        var d = Assert.Single(report.Crons);
        Assert.Equal((2L, 0L, 2L), (d.Started, d.Done, d.Failed));
        Assert.Equal(2, report.Timeline.Buckets.Sum(x => x.CronFailures));
    }

    [Fact]
    public void Worker_limits_are_counted_by_kind_and_placed_on_the_timeline()
    {
        const string Server = "odoo.service.server";
        var log = Lines(
            Line(T, 4244, "INFO", Server, "Worker (4244) virtual memory limit (2147483648) reached.", "?"),
            Line(T.AddMinutes(1), 4245, "INFO", Server, "Worker (4245) CPU time limit (600) reached.", "?"),
            Line(T.AddMinutes(1), 4200, "ERROR", Server, "WorkerHTTP (4246) timeout after 120s", "?"),
            Line(T.AddMinutes(2), 4247, "INFO", Server, "Worker (4247) max request (8192) reached.", "?"),
            Line(T.AddMinutes(2), 4200, "INFO", Server, "Worker WorkerHTTP (4248) alive", "?"));

        var report = ReportOn(log);

        Assert.Equal(new WorkerCounts(1, 0, 1, 1, 1), report.Workers.Limits);
        Assert.Equal(1, report.Workers.Started);
        Assert.Equal([1L, 2L, 1L], report.Timeline.Buckets.Select(b => b.WorkerLimits.Total));
        Assert.Equal("minute", report.Timeline.Interval);
    }

    [Fact]
    public void Login_failures_are_counted_by_hour_and_no_login_or_address_reaches_any_format()
    {
        const string Users = "odoo.addons.base.models.res_users";
        var log = Lines(
            Line(T.AddMinutes(5), 101, "INFO", Users, "Login failed for db:prod login:alice.secret from 10.9.8.7"),
            Line(T.AddMinutes(55), 101, "INFO", Users, "Login failed for db:prod login:alice.secret from 10.9.8.7"),
            Line(T.AddMinutes(70), 101, "INFO", Users, "Login failed for db:prod login:bob.secret from 10.9.8.7"),
            Line(T.AddMinutes(71), 101, "INFO", Users, "Login successful for db:prod login:bob.secret from 10.9.8.7"),
            CallKw(T.AddMinutes(72), 101, "res.partner", "read", 5));

        var report = ReportOn(log);

        Assert.Equal((3L, 1L), (report.Logins.Failed, report.Logins.Succeeded));
        Assert.Equal([new HourCount(T, 2), new HourCount(T.AddHours(1), 1)], report.Logins.FailedByHour);
        foreach (var format in Enum.GetValues<LogReportFormat>())
        {
            var text = System.Text.Encoding.UTF8.GetString(LogReportCommand.Render(report, format));
            Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("10.9.8.7", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Model_methods_beyond_the_cap_are_folded_into_other_and_the_report_says_so()
    {
        var log = Lines(
            CallKw(T, 100, "res.partner", "read", 10),
            CallKw(T.AddSeconds(1), 100, "sale.order", "read", 10),
            CallKw(T.AddSeconds(2), 100, "stock.move", "read", 30),
            CallKw(T.AddSeconds(3), 100, "stock.move", "write", 40),
            CallKw(T.AddSeconds(4), 100, "res.partner", "read", 10));

        var report = ReportOn(log, new LogReportSettings { MaxModelMethods = 2 });

        Assert.Equal(["res.partner.read", "sale.order.read", "other"], report.ModelMethods.Select(r => r.Label));
        var other = report.ModelMethods[^1];
        Assert.True(other.IsOther);
        Assert.Equal((2L, 0.070), (other.Count, other.TotalSeconds));
        Assert.Contains(report.Notes, n => n.Contains("model/method", StringComparison.Ordinal) && n.Contains("'other'", StringComparison.Ordinal));
    }

    [Fact]
    public void Long_polling_is_counted_but_kept_out_of_the_latency_figures()
    {
        var log = Lines(
            Request(T, 100, "POST", "/longpolling/poll", 200, 3, 0.002, 49.998),
            CallKw(T.AddSeconds(1), 101, "res.partner", "read", 100));

        var report = ReportOn(log);

        Assert.Equal(2, report.Totals.Requests);
        Assert.Equal(0.1, report.Overall.MaxSeconds);
        Assert.Equal(0.1, report.Totals.RequestSeconds, 6);
        var bus = report.Routes[^1];
        Assert.Equal(("bus", 50.0, 0.0), (bus.Name, bus.MaxSeconds, bus.ShareOfTime));
        Assert.DoesNotContain(report.Paths, p => p.Name.Contains("longpolling", StringComparison.Ordinal));
        Assert.DoesNotContain(report.SlowestRequests, r => r.Path.Contains("longpolling", StringComparison.Ordinal));
        Assert.Equal(2, report.Timeline.Buckets.Sum(b => b.Requests));
    }

    [Fact]
    public void Paths_drop_query_strings_and_fold_record_ids()
    {
        var log = Lines(
            Request(T, 100, "GET", "/my/orders/42?access_token=deadbeef", 200, 10, 0.01, 0.02),
            Request(T.AddSeconds(1), 100, "GET", "/my/orders/43?access_token=cafebabe", 200, 10, 0.01, 0.02),
            Request(T.AddSeconds(2), 100, "GET", "/shop/desk-chair-17", 200, 10, 0.01, 0.02));

        var report = ReportOn(log);

        Assert.Equal(["/my/orders/:id", "/shop/:slug"], report.Paths.Select(p => p.Name));
        Assert.Equal(2, report.Paths[0].Count);
        Assert.All(report.SlowestRequests, r => Assert.DoesNotContain("token", r.Path, StringComparison.Ordinal));
        Assert.Contains(report.SlowestRequests, r => r.Path == "/my/orders/42");
    }

    [Theory]
    [InlineData("/web/dataset/call_kw/res.partner/read", "/web/dataset/call_kw/res.partner/read")]
    [InlineData("/web/image/product.template/42/image_128?unique=1", "/web/image/product.template/:id/image_128")]
    [InlineData("/web/assets/1/abcdef0/web.assets_web.min.js", "/web/assets/:id/:hash/web.assets_web.min.js")]
    [InlineData("/web/content/123-ab34cd5/web.assets_backend.js", "/web/content/:hash/web.assets_backend.js")]
    [InlineData("/shop/acme-corporation-42", "/shop/:slug")]
    [InlineData("/web/dataset/call_kw#res.partner.read", "/web/dataset/call_kw")]
    [InlineData("/xmlrpc/2/object", "/xmlrpc/2/object")]
    [InlineData("/", "/")]
    [InlineData("", "")]
    public void Path_patterns(string path, string expected)
    {
        Span<byte> pattern = stackalloc byte[PathNormalizer.MaxLength];
        var length = PathNormalizer.Normalize(System.Text.Encoding.UTF8.GetBytes(path), pattern);

        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(pattern[..length]));
    }

    [Fact]
    public void A_very_long_path_is_cut_to_a_bounded_key()
    {
        var path = "/x/" + new string('a', 5000);
        Span<byte> pattern = stackalloc byte[PathNormalizer.MaxLength];

        Assert.Equal(PathNormalizer.MaxLength, PathNormalizer.Normalize(System.Text.Encoding.UTF8.GetBytes(path), pattern));
    }

    [Fact]
    public void A_latency_histogram_stays_small_whatever_it_holds()
    {
        // The memory bound of the report rests on this: one histogram per key and per timeline bucket.
        var histogram = new LatencyHistogram();
        for (var ms = 0L; ms < 10_000_000; ms += 7)
        {
            histogram.Record(ms);
        }

        Assert.InRange(histogram.EstimatedFootprintBytes, 1, 12 * 1024);
        Assert.Equal(10_000_000 - 3, histogram.MaxMilliseconds);
    }
}

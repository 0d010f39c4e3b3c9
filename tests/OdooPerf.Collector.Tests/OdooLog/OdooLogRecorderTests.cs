using System.Text;
using OdooPerf.Collector.OdooLog;
using OdooPerf.Collector.Scraping;
using OdooPerf.Collector.Tests.Scraping;
using OdooPerf.Odoo.Logs;
using OdooPerf.Testing;
using Prometheus;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog;

/// <summary>Log lines in, metrics out: the recorder fed by the real parser, read back from the exposition.</summary>
public sealed class OdooLogRecorderTests
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly OdooLogMetrics _metrics;
    private readonly OdooLogRecorder _recorder;
    private readonly OdooLogReader _reader;

    public OdooLogRecorderTests()
    {
        var factory = Metrics.WithCustomRegistry(_registry);
        _metrics = new OdooLogMetrics(factory, new CardinalityGuard(factory), new OdooLogOptions { AdmitAfter = 1, TopModels = 2 });
        _recorder = new OdooLogRecorder(_metrics);
        _reader = new OdooLogReader(_recorder);
    }

    [Fact]
    public async Task Requests_are_counted_by_route_model_method_and_status_class_and_timed()
    {
        Read("""
            2024-03-05 08:00:15,402 1001 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:15] "POST /web/dataset/call_kw/res.partner/web_search_read HTTP/1.1" 200 - 12 0.005 0.031
            2024-03-05 08:00:15,502 1001 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:15] "POST /web/dataset/call_kw/res.partner/web_search_read HTTP/1.1" 200 - 30 0.100 2.400
            2024-03-05 08:00:16,002 1001 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:16] "POST /web/dataset/call_kw/sale.order/action_confirm HTTP/1.1" 500 - 214 0.412 1.523
            2024-03-05 08:00:17,002 1001 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:17] "POST /web/dataset/call_kw/stock.picking/button_validate HTTP/1.1" 200 - 5 0.010 0.020
            2024-03-05 08:00:18,120 1001 INFO ? werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:18] "GET /web/static/img/favicon.ico HTTP/1.1" 200 - - - -
            """);

        var text = await Exposition.CollectAsync(_registry);

        Assert.Equal(2, text.Value("odoo_http_requests_total", ("route", "search_read"), ("model", "res.partner"), ("method", "web_search_read"), ("status_class", "2xx")));
        Assert.Equal(1, text.Value("odoo_http_requests_total", ("route", "call_kw"), ("model", "sale.order"), ("method", "action_confirm"), ("status_class", "5xx")));
        // TopModels = 2: the third model folds into "other"; its method keeps its label.
        Assert.Equal(1, text.Value("odoo_http_requests_total", ("route", "call_kw"), ("model", "other"), ("method", "button_validate"), ("status_class", "2xx")));
        Assert.Equal(1, text.Value("odoo_http_requests_total", ("route", "static"), ("status_class", "2xx")));
        Assert.Equal(1, text.Value("odooperf_label_values_folded_total", ("metric", "odoo_http_requests_total"), ("label", "model")));

        // The unmeasured static request ("- - -") is counted but not timed.
        Assert.Equal(2, text.Value("odoo_http_request_duration_seconds_count", ("route", "search_read")));
        Assert.Equal(0.036 + 2.5, text.Value("odoo_http_request_duration_seconds_sum", ("route", "search_read")), 6);
        Assert.Equal(1, text.Value("odoo_http_request_duration_seconds_bucket", ("route", "search_read"), ("le", "0.05")));
        Assert.Equal(2, text.Value("odoo_http_request_duration_seconds_bucket", ("route", "search_read"), ("le", "3")));
        Assert.DoesNotContain(text.Samples, s => s.Name == "odoo_http_request_duration_seconds_count" && s.Labels.GetValueOrDefault("route") == "static");
        Assert.Equal(42, text.Value("odoo_http_request_sql_queries_sum", ("route", "search_read")));
        Assert.Equal(0.105, text.Value("odoo_http_request_sql_duration_seconds_sum", ("route", "search_read")), 6);
        Assert.Equal(1.935, text.Value("odoo_http_request_seconds_total", ("route", "call_kw"), ("model", "sale.order"), ("method", "action_confirm")), 6);
        Assert.Equal(214, text.Value("odoo_http_request_sql_queries_total", ("route", "call_kw"), ("model", "sale.order"), ("method", "action_confirm")));
        Assert.Equal(5, text.Value("odoo_log_messages_total", ("level", "info"), ("logger", "werkzeug")));
    }

    [Fact]
    public async Task Worker_limits_logins_crons_tracebacks_retries_and_registry_load_are_counted()
    {
        Read("""
            2024-03-05 08:00:04,412 1001 INFO prod odoo.modules.registry: Registry loaded in 2.900s 
            2024-03-05 08:00:09,880 1001 INFO prod odoo.addons.base.models.res_users: Login failed for db:prod login:jdoe from 10.1.2.3 
            2024-03-05 08:00:10,880 1001 INFO prod odoo.addons.base.models.res_users: Login failed for db:prod login:admin from 10.9.9.9 
            2024-03-05 08:00:15,010 1001 INFO prod odoo.addons.base.models.res_users: Login successful for db:prod login:jdoe from 10.1.2.3 
            2024-03-05 08:01:00,010 1003 INFO prod odoo.addons.base.models.ir_cron: Starting job `Mail: Email Queue Manager`. 
            2024-03-05 08:01:00,532 1003 INFO prod odoo.addons.base.models.ir_cron: Job `Mail: Email Queue Manager` done. 
            2024-03-05 09:00:00,100 1001 INFO ? odoo.service.server: Worker (1001) virtual memory limit (2751463424) reached. 
            2024-03-05 09:00:00,101 1001 INFO ? odoo.service.server: Worker (1001) exiting. request_count: 1412, registry count: 1. 
            2024-03-05 09:05:00,000 1002 INFO prod odoo.service.server: Worker (1002) CPU time limit (600) reached. 
            2024-03-05 09:10:02,500 1000 ERROR ? odoo.service.server: WorkerHTTP (1004) timeout after 120s 
            2024-03-05 09:30:00,000 1005 ERROR prod odoo.http: Exception during request handling. 
            Traceback (most recent call last):
              File "/usr/lib/python3/dist-packages/odoo/http.py", line 1995, in __call__
                response = request._serve_db()
            MemoryError
            2024-03-05 10:00:00,102 1001 INFO prod odoo.service.model: SERIALIZATION_FAILURE, 4 tries left, try again in 0.7312 sec... 
            2024-03-05 10:00:05,003 1001 ERROR prod odoo.http: Exception during request handling. 
            Traceback (most recent call last):
              File "/usr/lib/python3/dist-packages/odoo/sql_db.py", line 315, in execute
                res = self._obj.execute(query, params)
            psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update
            """);

        var text = await Exposition.CollectAsync(_registry);

        Assert.Equal(2.9, text.Value("odoo_registry_load_seconds"));
        Assert.Equal(2, text.Value("odoo_login_attempts_total", ("outcome", "failure")));
        Assert.Equal(1, text.Value("odoo_login_attempts_total", ("outcome", "success")));
        Assert.Equal(1, text.Value("odoo_cron_runs_total", ("cron_job", "Mail: Email Queue Manager"), ("outcome", "started")));
        Assert.Equal(1, text.Value("odoo_cron_runs_total", ("cron_job", "Mail: Email Queue Manager"), ("outcome", "done")));
        // Odoo 16 logs no duration: the same process's start and done lines give 0.522 s.
        Assert.Equal(0.522, text.Value("odoo_cron_duration_seconds_sum", ("cron_job", "Mail: Email Queue Manager")), 6);
        Assert.Equal(1, text.Value("odoo_worker_limit_events_total", ("limit", "memory_soft")));
        Assert.Equal(1, text.Value("odoo_worker_limit_events_total", ("limit", "memory_hard")));
        Assert.Equal(1, text.Value("odoo_worker_limit_events_total", ("limit", "cpu")));
        Assert.Equal(1, text.Value("odoo_worker_limit_events_total", ("limit", "real")));
        Assert.Equal(1, text.Value("odoo_worker_lifecycle_events_total", ("event", "exited")));
        Assert.Equal(1, text.Value("odoo_tracebacks_total", ("exception", "MemoryError")));
        Assert.Equal(1, text.Value("odoo_tracebacks_total", ("exception", "psycopg2.errors.SerializationFailure")));
        Assert.Equal(1, text.Value("odoo_sql_serialization_retries_total"));
        Assert.Equal(3, text.Value("odoo_log_messages_total", ("level", "error"), ("logger", "odoo.http")) + text.Value("odoo_log_messages_total", ("level", "error"), ("logger", "odoo.service.server")));

        // Usernames and client addresses never reach a label.
        var exposition = await Exposition.CollectTextAsync(_registry);
        Assert.DoesNotContain("jdoe", exposition, StringComparison.Ordinal);
        Assert.DoesNotContain("10.1.2.3", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_odoo_19_failed_cron_run_logged_twice_counts_once()
    {
        Read("""
            2024-03-05 08:02:00,011 1003 INFO prod odoo.addons.base.models.ir_cron: Job 'Procurement: run scheduler' (12) starting 
            2024-03-05 08:02:03,442 1003 ERROR prod odoo.addons.base.models.ir_cron: Job 'Procurement: run scheduler' (12) server action #147 failed 
            Traceback (most recent call last):
              File "/usr/lib/python3/dist-packages/odoo/addons/stock/models/stock_rule.py", line 232, in _run_pull
                raise UserError(errors)
            odoo.exceptions.UserError: No rule has been found to replenish "Desk" in "WH/Stock".
            2024-03-05 08:02:03,450 1003 INFO prod odoo.addons.base.models.ir_cron: Job 'Procurement: run scheduler' (12) failed (#loop 1; done 0; remaining 0; duration 3.44s) 
            2024-03-05 08:03:00,011 1003 INFO prod odoo.addons.base.models.ir_cron: Job 'Procurement: run scheduler' (12) starting 
            2024-03-05 08:03:01,450 1003 INFO prod odoo.addons.base.models.ir_cron: Job 'Procurement: run scheduler' (12) failed (#loop 1; done 0; remaining 0; duration 1.44s) 
            """);

        var text = await Exposition.CollectAsync(_registry);

        Assert.Equal(2, text.Value("odoo_cron_runs_total", ("cron_job", "Procurement: run scheduler"), ("outcome", "started")));
        Assert.Equal(2, text.Value("odoo_cron_runs_total", ("cron_job", "Procurement: run scheduler"), ("outcome", "failed")));
        Assert.Equal(1, text.Value("odoo_tracebacks_total", ("exception", "odoo.exceptions.UserError")));
    }

    [Fact]
    public void A_log_that_hides_request_lines_is_detected_but_an_idle_one_is_not()
    {
        var warnOnly = new OdooLogRecorder(_metrics);
        var reader = new OdooLogReader(warnOnly);
        for (var i = 0; i < OdooLogRecorder.RequestLinesExpectedWithin; i++)
        {
            reader.ReadLine(Encoding.UTF8.GetBytes($"2024-03-05 08:00:{i % 60:00},000 1001 WARNING prod odoo.models: something odd {i} "));
        }

        reader.Flush();
        Assert.True(warnOnly.RequestLinesHidden);

        var idle = new OdooLogRecorder(_metrics);
        reader = new OdooLogReader(idle);
        for (var i = 0; i < OdooLogRecorder.RequestLinesExpectedWithin; i++)
        {
            reader.ReadLine(Encoding.UTF8.GetBytes($"2024-03-05 08:00:{i % 60:00},000 1003 INFO prod odoo.addons.base.models.ir_cron: Starting job `Job {i % 5}`. "));
        }

        reader.Flush();
        Assert.False(idle.RequestLinesHidden);

        // werkzeug:WARNING: INFO lines flow, requests do not, and a worker says it served some.
        var werkzeugSilenced = new OdooLogRecorder(_metrics);
        reader = new OdooLogReader(werkzeugSilenced);
        reader.ReadLine("2024-03-05 09:00:00,101 1001 INFO ? odoo.service.server: Worker (1001) exiting. request_count: 1412, registry count: 1. "u8);
        reader.Flush();
        Assert.True(werkzeugSilenced.RequestLinesHidden);
    }

    private void Read(string log)
    {
        foreach (var line in log.Split('\n'))
        {
            _reader.ReadLine(Encoding.UTF8.GetBytes(line));
        }

        _reader.Flush();
    }
}

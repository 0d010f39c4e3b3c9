using System.Globalization;
using System.Text;

namespace OdooPerf.Testing;

/// <summary>
/// Writes a realistic Odoo 17 server log: web-client RPC over many models and methods, buttons, images,
/// assets, website and portal pages, reports, the bus; latencies that differ per route with a bad spell
/// in the middle (slower, more errors, workers hitting limits); N+1 requests with thousands of queries;
/// request tracebacks (JSON-RPC errors answered 200 and HTTP 500s), crons (some failing), logins,
/// serialization retries and worker recycling. Deterministic for a seed. Counts what it wrote, so a test can
/// compare a report with what is really in the log.
/// </summary>
public sealed class SyntheticOdooLog
{
    private static readonly string[] Models =
    [
        "res.partner", "sale.order", "sale.order.line", "account.move", "account.move.line", "stock.picking", "stock.move",
        "stock.quant", "product.product", "product.template", "purchase.order", "purchase.order.line", "crm.lead", "project.task",
        "hr.employee", "mail.message", "mail.activity", "res.users", "ir.attachment", "account.payment", "stock.move.line",
        "mrp.production", "helpdesk.ticket", "account.analytic.line", "res.company", "uom.uom", "res.currency", "product.pricelist",
    ];

    private static readonly string[] Methods = ["web_search_read", "web_read", "read", "onchange", "write", "create", "name_search", "search_count", "web_read_group", "action_confirm", "get_views"];

    private static readonly string[] CronJobs =
    [
        "Mail: Email Queue Manager", "Scheduler: Run Scheduler", "Account: Post draft entries with auto_post", "Notification: Send scheduled message notifications",
        "Procurement: run scheduler", "Base: Auto-vacuum internal data", "Sales: Send an email to customers about their invoices", "Digest Emails",
    ];

    private static readonly (string Type, string Frame, string Message)[] Exceptions =
    [
        ("psycopg2.errors.SerializationFailure", "File \"/opt/odoo/odoo/sql_db.py\", line 332, in execute", "could not serialize access due to concurrent update"),
        ("KeyError", "File \"/opt/odoo/addons/sale/models/sale_order.py\", line 874, in _compute_amounts", "'price_total'"),
        ("odoo.exceptions.MissingError", "File \"/opt/odoo/odoo/models.py\", line 3811, in _read", "Record does not exist or has been deleted."),
        ("psycopg2.OperationalError", "File \"/opt/odoo/odoo/sql_db.py\", line 332, in execute", "canceling statement due to statement timeout"),
        ("TypeError", "File \"/opt/odoo/addons/stock/models/stock_move.py\", line 1201, in _action_assign", "unsupported operand type(s) for +: 'float' and 'NoneType'"),
    ];

    private readonly Random _random;
    private readonly DateTime _start;
    private readonly int[] _workers = [2101, 2102, 2103, 2104, 2105, 2106, 2107, 2108];
    private readonly StringBuilder _line = new(512);
    private int _nextPid = 3000;
    private DateTime _now;

    public SyntheticOdooLog(int seed = 1, DateTime? start = null)
    {
        _random = new Random(seed);
        _start = start ?? new DateTime(2024, 3, 5, 6, 0, 0);
        _now = _start;
    }

    public long Lines { get; private set; }

    public long Requests { get; private set; }

    public long ServerErrors { get; private set; }

    /// <summary>5xx responses preceded by their request-handling traceback.</summary>
    public long ServerErrorsWithTraceback { get; private set; }

    public long RequestTracebacks { get; private set; }

    public long Tracebacks { get; private set; }

    public long CronRuns { get; private set; }

    public long CronFailures { get; private set; }

    public long LoginFailures { get; private set; }

    public long WorkerLimitEvents { get; private set; }

    public DateTime Last => _now;

    /// <summary>
    /// Writes <paramref name="bytes"/> bytes of log (to the line) over at most <paramref name="span"/> (the request
    /// rate is scaled so the size is reached a little before); returns the bytes written.
    /// </summary>
    public long Write(Stream output, long bytes, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(output);

        // About 160 bytes per request with the other lines around it; the size bound stops the log first.
        var requests = Math.Max(1, bytes / 150);
        var meanGap = span.TotalSeconds / requests;
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 20, leaveOpen: true) { NewLine = "\n" };
        long written = 0;
        var end = _start + span;
        while (written < bytes && _now < end)
        {
            _now += TimeSpan.FromSeconds(-Math.Log(1 - _random.NextDouble()) * meanGap);
            written += Tick(writer, (_now - _start) / span);
        }

        writer.Flush();
        return written;
    }

    /// <summary>Bad spell between 45% and 55% of the span: slower, more errors, workers in trouble.</summary>
    private static bool Bad(double progress) => progress is > 0.45 and < 0.55;

    private long Tick(StreamWriter writer, double progress)
    {
        var bad = Bad(progress);
        long written = 0;
        var roll = _random.NextDouble();
        if (roll < 0.004)
        {
            written += Cron(writer, bad);
        }
        else if (roll < 0.006)
        {
            written += Login(writer, bad);
        }
        else if (roll < 0.007)
        {
            written += Other(writer, "INFO", "odoo.service.model", $"SERIALIZATION_FAILURE, {_random.Next(1, 5)} tries left, try again in {_random.NextDouble():0.0000} sec...", Worker());
        }
        else if (roll < 0.0075)
        {
            written += Other(writer, "INFO", "odoo.addons.mail.models.mail_mail", $"Sent batch {_random.Next(1, 50)} emails via mail server ID #1", Worker());
        }
        else if (roll < 0.0076 + (bad ? 0.004 : 0.0))
        {
            written += WorkerEvent(writer, bad);
        }

        return written + Request(writer, bad);
    }

    private long Request(StreamWriter writer, bool bad)
    {
        var pid = Worker();
        var pick = _random.NextDouble();
        string method = "POST", path;
        double baseSeconds;
        int queries;
        var status = 200;
        if (pick < 0.55)
        {
            var model = Models[Skewed(Models.Length)];
            var rpc = Methods[Skewed(Methods.Length)];
            path = $"/web/dataset/call_kw/{model}/{rpc}";
            baseSeconds = rpc is "action_confirm" or "web_read_group" ? 0.4 : rpc is "write" or "create" or "onchange" ? 0.12 : 0.05;
            queries = rpc is "action_confirm" ? 180 : 12;
            if (_random.NextDouble() < 0.001)
            {
                queries = _random.Next(2000, 6000);
                baseSeconds = 3;
            }
        }
        else if (pick < 0.6)
        {
            path = "/web/dataset/call_button";
            baseSeconds = 0.6;
            queries = 150;
        }
        else if (pick < 0.7)
        {
            method = "GET";
            path = $"/web/image/res.partner/{_random.Next(1, 5000)}/avatar_128";
            baseSeconds = 0.01;
            queries = 4;
            status = _random.NextDouble() < 0.05 ? 304 : 200;
        }
        else if (pick < 0.78)
        {
            method = "GET";
            path = $"/web/assets/{_random.Next(1, 9)}/{_random.Next(0x1000000, 0x7fffffff):x7}/web.assets_web.min.js";
            baseSeconds = 0.004;
            queries = 2;
        }
        else if (pick < 0.85)
        {
            path = "/longpolling/poll";
            baseSeconds = 20;
            queries = 6;
        }
        else if (pick < 0.92)
        {
            method = "GET";
            path = _random.NextDouble() < 0.5 ? $"/shop/product-{_random.Next(1, 900)}?page={_random.Next(1, 4)}" : $"/shop/desk-chair-{_random.Next(1, 900)}";
            baseSeconds = 0.25;
            queries = 40;
        }
        else if (pick < 0.96)
        {
            method = "GET";
            path = $"/my/orders/{_random.Next(1, 9000)}?access_token={Guid.NewGuid():N}";
            baseSeconds = 0.3;
            queries = 35;
        }
        else if (pick < 0.98)
        {
            method = "GET";
            path = $"/report/pdf/sale.report_saleorder/{_random.Next(1, 9000)}";
            baseSeconds = 2.5;
            queries = 300;
        }
        else
        {
            path = _random.NextDouble() < 0.5 ? "/jsonrpc" : "/xmlrpc/2/object";
            baseSeconds = 0.08;
            queries = 20;
        }

        var factor = Math.Exp(NextGaussian() * 0.6) * (bad ? 4 : 1);
        var seconds = baseSeconds * factor;
        var sqlQueries = Math.Max(1, (int)(queries * Math.Exp(NextGaussian() * 0.3)));
        var sqlSeconds = seconds * 0.35;
        long written = 0;

        var errorRoll = _random.NextDouble();
        if (path.StartsWith("/web/dataset/", StringComparison.Ordinal) && errorRoll < (bad ? 0.02 : 0.002))
        {
            // A JSON-RPC error: the traceback, then the request line answered 200.
            written += RequestTraceback(writer, pid);
        }
        else if (errorRoll < (bad ? 0.01 : 0.001))
        {
            written += RequestTraceback(writer, pid);
            status = 500;
            ServerErrorsWithTraceback++;
        }
        else if (path.StartsWith("/web/image", StringComparison.Ordinal) && errorRoll > 0.99)
        {
            status = 404;
        }

        if (status >= 500)
        {
            ServerErrors++;
        }

        Requests++;
        var time = _now.ToString("dd/MMM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        _line.Clear();
        Header(_line, pid, "INFO", "prod", "werkzeug")
            .Append("10.0.").Append(_random.Next(0, 4)).Append('.').Append(_random.Next(2, 250)).Append(" - - [").Append(time).Append("] \"")
            .Append(method).Append(' ').Append(path).Append(" HTTP/1.1\" ").Append(status).Append(" - ")
            .Append(sqlQueries).Append(' ').Append(sqlSeconds.ToString("0.000", CultureInfo.InvariantCulture)).Append(' ')
            .Append((seconds - sqlSeconds).ToString("0.000", CultureInfo.InvariantCulture));
        return written + Emit(writer);
    }

    private long RequestTraceback(StreamWriter writer, int pid)
    {
        RequestTracebacks++;
        Tracebacks++;
        var (type, frame, message) = Exceptions[Skewed(Exceptions.Length)];
        _line.Clear();
        Header(_line, pid, "ERROR", "prod", "odoo.http").Append("Exception during request handling. ");
        var written = Emit(writer);
        foreach (var line in TracebackLines(type, frame, message))
        {
            _line.Clear().Append(line);
            written += Emit(writer);
        }

        return written;
    }

    private static IEnumerable<string> TracebackLines(string type, string frame, string message)
    {
        yield return "Traceback (most recent call last):";
        yield return "  File \"/opt/odoo/odoo/http.py\", line 2367, in __call__";
        yield return "    response = request._serve_db()";
        yield return "  File \"/opt/odoo/odoo/service/model.py\", line 156, in retrying";
        yield return "    result = func()";
        yield return "  " + frame;
        yield return "    raise";
        yield return $"{type}: {message}";
    }

    private long Cron(StreamWriter writer, bool bad)
    {
        const int pid = 2200;
        var job = CronJobs[Skewed(CronJobs.Length)];
        _line.Clear();
        Header(_line, pid, "INFO", "prod", "odoo.addons.base.models.ir_cron").Append("Starting job `").Append(job).Append("`. ");
        var written = Emit(writer);
        var seconds = (job.StartsWith("Procurement", StringComparison.Ordinal) ? 40 : 1.5) * Math.Exp(NextGaussian() * 0.5) * (bad ? 3 : 1);
        if (_random.NextDouble() < (bad ? 0.2 : 0.03))
        {
            CronFailures++;
            Tracebacks++;
            _line.Clear();
            Header(_line, pid, "ERROR", "prod", "odoo.addons.base.models.ir_cron").Append("Call from cron ").Append(job).Append(" for server action #").Append(_random.Next(10, 99)).Append(" failed in Job #").Append(_random.Next(1, 40)).Append(' ');
            written += Emit(writer);
            foreach (var line in TracebackLines("psycopg2.errors.LockNotAvailable", "File \"/opt/odoo/odoo/sql_db.py\", line 332, in execute", "could not obtain lock on row in relation \"stock_quant\""))
            {
                _line.Clear().Append(line);
                written += Emit(writer);
            }

            return written;
        }

        CronRuns++;
        _line.Clear();
        Header(_line, pid, "INFO", "prod", "odoo.addons.base.models.ir_cron").Append("Job done: `").Append(job).Append("` (")
            .Append(seconds.ToString("0.000", CultureInfo.InvariantCulture)).Append("s). ");
        return written + Emit(writer);
    }

    private long Login(StreamWriter writer, bool bad)
    {
        var failed = _random.NextDouble() < (bad ? 0.8 : 0.2);
        if (failed)
        {
            LoginFailures++;
        }

        _line.Clear();
        Header(_line, Worker(), "INFO", "prod", "odoo.addons.base.models.res_users")
            .Append(failed ? "Login failed for db:prod login:" : "Login successful for db:prod login:").Append("user").Append(_random.Next(1, 300))
            .Append(" from 10.0.").Append(_random.Next(0, 4)).Append('.').Append(_random.Next(2, 250)).Append(' ');
        return Emit(writer);
    }

    private long WorkerEvent(StreamWriter writer, bool bad)
    {
        var slot = _random.Next(_workers.Length);
        var pid = _workers[slot];
        var roll = _random.NextDouble();
        long written;
        _line.Clear();
        if (!bad)
        {
            // Routine recycling after limit_request.
            Header(_line, pid, "INFO", "?", "odoo.service.server").Append("Worker (").Append(pid).Append(") max request (8192) reached. ");
        }
        else if (roll < 0.6)
        {
            WorkerLimitEvents++;
            Header(_line, pid, "INFO", "?", "odoo.service.server").Append("Worker (").Append(pid).Append(") virtual memory limit (2684354560) reached. ");
        }
        else if (roll < 0.85)
        {
            WorkerLimitEvents++;
            Header(_line, 2100, "ERROR", "?", "odoo.service.server").Append("WorkerHTTP (").Append(pid).Append(") timeout after 120s ");
        }
        else
        {
            WorkerLimitEvents++;
            Header(_line, pid, "INFO", "?", "odoo.service.server").Append("Worker (").Append(pid).Append(") CPU time limit (600) reached. ");
        }

        written = Emit(writer);
        var replacement = _nextPid++;
        _workers[slot] = replacement;
        _line.Clear();
        Header(_line, 2100, "INFO", "?", "odoo.service.server").Append("Worker WorkerHTTP (").Append(replacement).Append(") alive ");
        return written + Emit(writer);
    }

    private long Other(StreamWriter writer, string level, string logger, string message, int pid)
    {
        _line.Clear();
        Header(_line, pid, level, "prod", logger).Append(message).Append(' ');
        return Emit(writer);
    }

    private StringBuilder Header(StringBuilder line, int pid, string level, string database, string logger) => line
        .Append(_now.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture)).Append(' ').Append(pid).Append(' ')
        .Append(level).Append(' ').Append(database).Append(' ').Append(logger).Append(": ");

    private long Emit(StreamWriter writer)
    {
        Lines++;
        _line.Append('\n');
        foreach (var chunk in _line.GetChunks())
        {
            writer.Write(chunk.Span);
        }

        return _line.Length;
    }

    private int Worker() => _workers[_random.Next(_workers.Length)];

    /// <summary>An index in [0, n) where low indexes are much more frequent (a few models carry most traffic).</summary>
    private int Skewed(int n) => Math.Min(n - 1, (int)(n * Math.Pow(_random.NextDouble(), 2.2)));

    private double NextGaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using OdooPerf.Collector.OdooLog.Report;

namespace OdooPerf.Collector.Tests.OdooLog.Report;

/// <summary>Hand-written Odoo 17 log lines for the report tests, and a way to report on them.</summary>
internal static class LogText
{
    public static readonly DateTime Day = new(2024, 3, 5);

    /// <summary>The text gzip-compressed, as logrotate's compress leaves a rotated log.</summary>
    public static byte[] Gzip(string content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }

        return output.ToArray();
    }

    public static string Stamp(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);

    /// <summary>A werkzeug request line with the performance fields.</summary>
    public static string Request(DateTime time, int pid, string method, string path, int status, int queries, double sqlSeconds, double remainingSeconds, string database = "prod") =>
        string.Create(CultureInfo.InvariantCulture, $"{Stamp(time)} {pid} INFO {database} werkzeug: 10.9.8.7 - - [{time:dd/MMM/yyyy HH:mm:ss}] \"{method} {path} HTTP/1.1\" {status} - {queries} {sqlSeconds:0.000} {remainingSeconds:0.000}");

    /// <summary>A call_kw request lasting <paramref name="milliseconds"/> (all of it outside SQL).</summary>
    public static string CallKw(DateTime time, int pid, string model, string method, int milliseconds, int queries = 1, int status = 200) =>
        Request(time, pid, "POST", $"/web/dataset/call_kw/{model}/{method}", status, queries, 0, milliseconds / 1000.0);

    /// <summary>Any other line, with the trailing space Odoo leaves for the empty perf field.</summary>
    public static string Line(DateTime time, int pid, string level, string logger, string message, string database = "prod") =>
        $"{Stamp(time)} {pid} {level} {database} {logger}: {message} ";

    /// <summary>A traceback's continuation lines raising <paramref name="type"/> in <paramref name="function"/> of <paramref name="file"/>.</summary>
    public static string Traceback(string type, string file, int line, string function, string message = "boom") => string.Join('\n',
        "Traceback (most recent call last):",
        "  File \"/opt/odoo/odoo/http.py\", line 2367, in __call__",
        "    response = request._serve_db()",
        $"  File \"{file}\", line {line}, in {function}",
        "    raise",
        $"{type}: {message}");

    public static string Frame(string file, int line, string function) => $"File \"{file}\", line {line}, in {function}";

    public static LogReport ReportOn(string log, LogReportSettings? settings = null) =>
        Run(log, settings).Report;

    public static LogReportResult Run(string log, LogReportSettings? settings = null) =>
        LogReportRunner.Run(["-"], settings ?? new LogReportSettings(), "odooperf test", () => new MemoryStream(Encoding.UTF8.GetBytes(log)));

    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";
}

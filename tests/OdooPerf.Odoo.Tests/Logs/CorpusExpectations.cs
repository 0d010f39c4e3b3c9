using System.Globalization;
using OdooPerf.Odoo.Logs;
using Xunit;

namespace OdooPerf.Odoo.Tests.Logs;

/// <summary>
/// Builds the expected entries of the fixture corpus from hand-written values, and checks a fixture file against them.
/// Every fixture line is dated 2024-03-05; werkzeug's own bracketed time repeats the second of the Odoo timestamp.
/// </summary>
internal static class CorpusExpectations
{
    public const string Server = "odoo.service.server";
    public const string Cron = "odoo.addons.base.models.ir_cron";
    public const string Users = "odoo.addons.base.models.res_users";

    public static DateTime At(string time) =>
        DateTime.ParseExact("2024-03-05 " + time, "yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);

    public static RecordedEntry Line(string time, int pid, string database, string logger, string message, OdooLogLevel level = OdooLogLevel.Info) =>
        new() { Timestamp = At(time), Pid = pid, Database = database, Logger = logger, Message = message, Level = level };

    public static RecordedEntry Request(
        string time, int pid, string database, string method, string path, int status,
        (int Queries, double Sql, double Remaining)? perf = null, string cursorMode = "", string address = "10.1.2.3", string protocol = "HTTP/1.1") =>
        new()
        {
            Timestamp = At(time),
            Pid = pid,
            Database = database,
            Logger = "werkzeug",
            Message = $"{address} - - [05/Mar/2024 {time[..8]}] \"{method} {path} {protocol}\" {status} -",
            Kind = OdooLogEntryKind.Request,
            Request = new RecordedRequest
            {
                Address = address,
                Method = method,
                Path = path,
                Status = status,
                HasPerformance = perf is not null,
                SqlQueries = perf?.Queries ?? 0,
                SqlSeconds = perf?.Sql ?? 0,
                RemainingSeconds = perf?.Remaining ?? 0,
                CursorMode = cursorMode,
            },
        };

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Join(AppContext.BaseDirectory, "Logs", "Fixtures", name));

    /// <summary>Reads a fixture and checks every entry, in order, and the counters.</summary>
    public static void AssertFixture(string name, IReadOnlyList<RecordedEntry> expected, int lines, int unparsed = 0)
    {
        var (handler, reader) = RecordingHandler.Read(Fixture(name));

        for (var i = 0; i < Math.Min(expected.Count, handler.Entries.Count); i++)
        {
            Assert.True(expected[i] == handler.Entries[i], $"{name}, entry {i}:\nexpected {expected[i]}\nactual   {handler.Entries[i]}");
        }

        Assert.Equal(expected.Count, handler.Entries.Count);
        Assert.Equal(lines, reader.Lines);
        Assert.Equal(expected.Count, reader.Entries);
        Assert.Equal(unparsed, reader.Unparsed);
        Assert.Equal(reader.Lines, reader.Entries + handler.Entries.Sum(e => e.ContinuationLines) + reader.Unparsed);
    }
}

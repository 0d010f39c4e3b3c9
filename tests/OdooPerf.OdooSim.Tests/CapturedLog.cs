using System.Text;
using OdooPerf.Odoo.Logs;

namespace OdooPerf.OdooSim.Tests;

/// <summary>A simulator log read back with the collector's own parser, entries copied out of the reader's spans.</summary>
internal sealed class CapturedLog : IOdooLogEntryHandler
{
    public sealed record Entry(OdooLogEntryKind Kind, string Level, string Database, string Logger, string Message, string ExceptionType,
        string Path, int Status, bool HasPerformance, int SqlQueries, double SqlSeconds, double RemainingSeconds);

    public List<Entry> Entries { get; } = [];

    public List<(OdooLogUnparsedReason Reason, string Line)> Unparsed { get; } = [];

    public IEnumerable<Entry> Requests => Entries.Where(e => e.Kind == OdooLogEntryKind.Request);

    public static async Task<CapturedLog> ReadAsync(string path)
    {
        var log = new CapturedLog();
        var reader = new OdooLogReader(log);
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            reader.ReadLine(Encoding.UTF8.GetBytes(line));
        }

        reader.Flush();
        return log;
    }

    public void OnEntry(in OdooLogEntry entry) => Entries.Add(new Entry(
        entry.Kind, entry.Level.ToString(), Encoding.UTF8.GetString(entry.Database), Encoding.UTF8.GetString(entry.Logger), Encoding.UTF8.GetString(entry.Message),
        Encoding.UTF8.GetString(entry.ExceptionType), Encoding.UTF8.GetString(entry.Request.Path), entry.Request.Status, entry.Request.HasPerformance,
        entry.Request.SqlQueries, entry.Request.SqlSeconds, entry.Request.RemainingSeconds));

    public void OnUnparsed(OdooLogUnparsedReason reason, ReadOnlySpan<byte> line) => Unparsed.Add((reason, Encoding.UTF8.GetString(line)));
}

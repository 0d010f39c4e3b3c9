using System.Text;
using OdooPerf.Odoo.Logs;

namespace OdooPerf.Odoo.Tests.Logs;

/// <summary>Keeps copies of what a reader hands over, and feeds text to a reader line by line.</summary>
public sealed class RecordingHandler : IOdooLogEntryHandler
{
    public List<RecordedEntry> Entries { get; } = [];

    public List<(OdooLogUnparsedReason Reason, byte[] Line)> Unparsed { get; } = [];

    public void OnEntry(in OdooLogEntry entry) => Entries.Add(RecordedEntry.From(entry));

    public void OnUnparsed(OdooLogUnparsedReason reason, ReadOnlySpan<byte> line) => Unparsed.Add((reason, line.ToArray()));

    /// <summary>Reads UTF-8 text (lines split on \n) through a new reader, flushes it, and returns what came out.</summary>
    public static (RecordingHandler Handler, OdooLogReader Reader) Read(string text, int maxLineBytes = OdooLogReader.DefaultMaxLineBytes) =>
        Read(Encoding.UTF8.GetBytes(text), maxLineBytes);

    public static (RecordingHandler Handler, OdooLogReader Reader) Read(byte[] bytes, int maxLineBytes = OdooLogReader.DefaultMaxLineBytes)
    {
        var handler = new RecordingHandler();
        var reader = new OdooLogReader(handler, maxLineBytes);
        foreach (var line in SplitLines(bytes))
        {
            reader.ReadLine(bytes.AsSpan(line.Start, line.Length));
        }

        reader.Flush();
        return (handler, reader);
    }

    /// <summary>Lines of a file as a tailer delivers them: split on \n, without the terminator, no empty last line.</summary>
    public static List<(int Start, int Length)> SplitLines(byte[] bytes)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        while (start < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', start);
            var end = newline < 0 ? bytes.Length : newline;
            lines.Add((start, end - start));
            start = end + 1;
        }

        return lines;
    }
}

using System.Text;
using OdooPerf.Odoo.Logs;
using Xunit;

namespace OdooPerf.Odoo.Tests.Logs;

/// <summary>
/// Bad input never throws and every line is accounted for: lines read = lines of entries + unparsed lines.
/// Random inputs come from fixed seeds, so a failure replays.
/// </summary>
public sealed class OdooLogReaderRobustnessTests
{
    private const string Header = "2024-03-05 10:21:33,123 4242 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 10:21:33] \"POST /web/dataset/call_kw/res.partner/web_search_read HTTP/1.1\" 200 - 12 0.005 0.031";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_and_random_cuts_of_the_corpus_are_all_accounted_for(int seed)
    {
        var random = new Random(seed);
        var corpus = CorpusFiles.AllLines();
        var lines = new List<byte[]>();
        for (var i = 0; i < 3000; i++)
        {
            lines.Add(random.Next(4) switch
            {
                0 => RandomBytes(random, random.Next(0, 400)),
                1 => Cut(random, corpus[random.Next(corpus.Count)]),
                2 => Mutate(random, corpus[random.Next(corpus.Count)]),
                _ => corpus[random.Next(corpus.Count)],
            });
        }

        var handler = new CountingHandler();
        var reader = new OdooLogReader(handler, maxLineBytes: 256);
        foreach (var line in lines)
        {
            reader.ReadLine(line);
        }

        reader.Flush();
        AssertAccounted(reader, handler, lines.Count);
        Assert.True(reader.Entries > 100, $"only {reader.Entries} entries out of {lines.Count} lines");
        Assert.True(handler.UnparsedByReason[(int)OdooLogUnparsedReason.TooLong] > 0);
    }

    [Fact]
    public void Lines_recombined_from_fragments_of_real_lines_are_all_accounted_for()
    {
        // Fragments of every part of a line (prefixes, header fields, werkzeug pieces, perf fields, escapes, folds),
        // glued in random order and number: reaches the field parsers' edge cases that random bytes never get past.
        string[] fragments =
        [
            "2024-03-05 10:21:33,123", "2024-03-05", "2024-02-30 25:61:61,999", " ", "  ", "4242", "-1", "99999999999",
            "INFO", "WARNING", "\u001b[1;32m\u001b[1;49mINFO\u001b[0m", "\u001b[", "\u001b", "prod", "?", "werkzeug:", "werkzeug",
            "odoo.addons.base.models.ir_cron:", "odoo.service.server:", "odoo.addons.base.models.res_users:", ":", "::",
            "10.1.2.3 - - [05/Mar/2024 10:21:33] \"", "- - [", "] \"", "\"", "POST /web/dataset/call_kw/a/b HTTP/1.1", "GET",
            "200", "101", "2000", "-", "12 0.005 0.031", "0.005", "1.", ".5", "-0.001", "ro->rw", "- - -", "- - - -",
            "Worker (", "Worker WorkerHTTP (", "WorkerHTTP (", ") timeout after ", ") alive", "123", ")",
            "virtual memory limit (", "CPU time limit (", "exiting.", "Server memory limit (", "Thread <x> virtual real time limit (",
            "Starting job `", "Job `", "` done.", "Job done: `", "` (", "s).", "Job '", "Job \"", "' (", "\" (", ") starting",
            ") done in ", ") fully done (#loop 1; duration ", "s)", ") failed (", "duration ", ") timed out", "Call from cron ",
            " for server action #", "Login failed for ", "Login successful for ", "Registry loaded in ", "SERIALIZATION_FAILURE, ",
            "retry 1/5 in 0.2 sec...", "4 tries left, try again in 0.7 sec...", "Traceback (most recent call last):",
            "  File \"x.py\", line 1, in f", "MemoryError", "psycopg2.errors.SerializationFailure: x", "During handling of x:",
            "Odoo Server 17.0:", "Odoo Server ", "#012", "#012MemoryError", "Mar  5 10:21:33 ", "Mar 05 10:21:33.123 ", "erp1 ",
            "odoo[998]: ", "2024-03-05T10:21:33.123456789Z ", "2024-03-05T10:21:33+0100 ", "stdout F ", "stderr P ", "é", "\u00ff",
        ];
        var random = new Random(7);
        var handler = new CountingHandler();
        var reader = new OdooLogReader(handler, maxLineBytes: 512);
        var builder = new StringBuilder();
        const int count = 20_000;
        for (var i = 0; i < count; i++)
        {
            builder.Clear();
            if (random.Next(2) == 0)
            {
                // Half the lines start as a real header would, so that the message parsers get their share.
                builder.Append(random.Next(3) == 0 ? "Mar 05 10:21:33 erp1 odoo[998]: " : "")
                    .Append(random.Next(2) == 0 ? "2024-03-05 10:21:33,123 4242 INFO prod " : "Odoo Server 17.0:prod:INFO:")
                    .Append(fragments[random.Next(fragments.Length)]).Append(' ');
            }

            for (var parts = random.Next(1, 14); parts > 0; parts--)
            {
                builder.Append(fragments[random.Next(fragments.Length)]);
            }

            reader.ReadLine(Encoding.UTF8.GetBytes(builder.ToString()));
        }

        reader.Flush();
        AssertAccounted(reader, handler, count);
        Assert.True(reader.Entries > 0 && reader.Unparsed > 0, $"entries {reader.Entries}, unparsed {reader.Unparsed}");
    }

    [Fact]
    public void Every_cut_of_a_header_line_is_accounted_for()
    {
        var header = Encoding.UTF8.GetBytes(Header);
        var handler = new CountingHandler();
        var reader = new OdooLogReader(handler);
        for (var length = 0; length <= header.Length; length++)
        {
            reader.ReadLine(header.AsSpan(0, length));
        }

        reader.Flush();
        AssertAccounted(reader, handler, header.Length + 1);
        // The full line and the cuts that still end with a whole logger ("werkzeug:" onwards) are entries.
        Assert.Equal(header.Length - Header.IndexOf("werkzeug:", StringComparison.Ordinal) - "werkzeug:".Length + 1, (int)reader.Entries);
    }

    [Theory]
    [MemberData(nameof(PathologicalLineNames))]
    public void Pathological_line_without_an_entry_before_it(string name)
    {
        // Built here, not in the theory data: xunit would serialise a 10 MB row at discovery.
        var (line, reason) = PathologicalLines[name]();
        var handler = new RecordingHandler();
        var reader = new OdooLogReader(handler);
        reader.ReadLine(line);
        reader.Flush();

        Assert.Empty(handler.Entries);
        Assert.Equal(reason, Assert.Single(handler.Unparsed).Reason);
        Assert.Equal((1, 0, 1), (reader.Lines, reader.Entries, reader.Unparsed));
    }

    public static TheoryData<string> PathologicalLineNames() => [.. PathologicalLines.Keys];

    private static readonly Dictionary<string, Func<(byte[] Line, OdooLogUnparsedReason Reason)>> PathologicalLines = new()
    {
        ["10 MB line"] = () => (Enumerable.Repeat((byte)'a', 10 * 1024 * 1024).ToArray(), OdooLogUnparsedReason.TooLong),
        ["10 MB header"] = () => (Encoding.UTF8.GetBytes(Header + new string('x', 10 * 1024 * 1024)), OdooLogUnparsedReason.TooLong),
        ["NUL bytes (after a copytruncate)"] = () => ([0, 0, 0, .. Encoding.UTF8.GetBytes(Header)], OdooLogUnparsedReason.Binary),
        ["NUL inside a header"] = () => (Encoding.UTF8.GetBytes(Header.Replace("prod", "pr\0d", StringComparison.Ordinal)), OdooLogUnparsedReason.Binary),
        ["invalid UTF-8"] = () => ([0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE], OdooLogUnparsedReason.Binary),
        ["invalid UTF-8 in the database"] = () => ([.. "2024-03-05 10:21:33,123 4242 INFO "u8, 0xFF, 0xFE, .. " odoo: hello "u8], OdooLogUnparsedReason.Binary),
        ["only spaces"] = () => (Encoding.UTF8.GetBytes(new string(' ', 300)), OdooLogUnparsedReason.Foreign),
        ["empty"] = () => ([], OdooLogUnparsedReason.Foreign),
        ["header cut after the pid"] = () => ("2024-03-05 10:21:33,123 4242"u8.ToArray(), OdooLogUnparsedReason.Malformed),
        ["header cut in the date"] = () => ("2024-03-05"u8.ToArray(), OdooLogUnparsedReason.Malformed),
        ["impossible date"] = () => ("2024-02-30 10:21:33,123 4242 INFO ? odoo: hello "u8.ToArray(), OdooLogUnparsedReason.Malformed),
        ["hour 24"] = () => ("2024-03-05 24:21:33,123 4242 INFO ? odoo: hello "u8.ToArray(), OdooLogUnparsedReason.Malformed),
        ["pid not a number"] = () => ("2024-03-05 10:21:33,123 abc INFO ? odoo: hello "u8.ToArray(), OdooLogUnparsedReason.Malformed),
        ["level not a word"] = () => ("2024-03-05 10:21:33,123 4242 Level 5 ? odoo: hello "u8.ToArray(), OdooLogUnparsedReason.Malformed),
        ["logger without its colon"] = () => ("2024-03-05 10:21:33,123 4242 INFO ? odoo hello"u8.ToArray(), OdooLogUnparsedReason.Malformed),
        ["another program's ISO date"] = () => ("2024-03-05 10:21:33 [info] nginx started"u8.ToArray(), OdooLogUnparsedReason.Malformed),
        ["syslog format cut short"] = () => ("Odoo Server 17.0:prod:INFO"u8.ToArray(), OdooLogUnparsedReason.Malformed),
        ["broken escape sequences"] = () => ("\u001b[\u001b\u001b[1;3"u8.ToArray(), OdooLogUnparsedReason.Foreign),
        ["a JSON line"] = () => ("{\"log\":\"2024-03-05 10:21:33,123 1 INFO ? odoo: hi\\n\",\"stream\":\"stderr\"}"u8.ToArray(), OdooLogUnparsedReason.Foreign),
    };

    [Fact]
    public void Unknown_level_is_kept_as_an_entry()
    {
        var (handler, _) = RecordingHandler.Read("2024-03-05 10:21:33,123 4242 NOTSET ? odoo.custom: hello ");

        var entry = Assert.Single(handler.Entries);
        Assert.Equal((OdooLogLevel.Unknown, "odoo.custom", "hello"), (entry.Level, entry.Logger, entry.Message));
    }

    [Fact]
    public void Ten_megabyte_continuation_line_is_neither_kept_nor_copied()
    {
        var handler = new CountingHandler();
        var reader = new OdooLogReader(handler, maxLineBytes: 16 * 1024 * 1024);
        var huge = new byte[10 * 1024 * 1024];
        huge.AsSpan().Fill((byte)' ');
        "File \"x.py\", line 1, in f"u8.CopyTo(huge.AsSpan(4));
        reader.ReadLine("2024-03-05 10:21:33,123 4242 ERROR prod odoo.http: Exception during request handling. "u8);
        reader.ReadLine("Traceback (most recent call last):"u8);
        reader.ReadLine("  File \"a.py\", line 1, in f"u8);

        var before = GC.GetAllocatedBytesForCurrentThread();
        reader.ReadLine(huge);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        reader.ReadLine("ValueError: boom"u8);
        reader.Flush();

        Assert.Equal(0, allocated);
        Assert.Equal(1, reader.Entries);
        Assert.Equal(4, handler.ContinuationLines);
        Assert.Equal(0, reader.Unparsed);
    }

    [Fact]
    public void Line_longer_than_the_scratch_buffers_is_parsed_when_under_the_limit()
    {
        var path = "/web/content/" + new string('a', 20_000);
        var (handler, _) = RecordingHandler.Read(
            $"2024-03-05 10:21:33,123 4242 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 10:21:33] \"GET {path} HTTP/1.1\" 200 - 1 0.001 0.002");

        Assert.Equal(path, Assert.Single(handler.Entries).Request!.Path);
    }

    private static void AssertAccounted(OdooLogReader reader, CountingHandler handler, long linesFed)
    {
        Assert.Equal(linesFed, reader.Lines);
        Assert.Equal(handler.Entries, reader.Entries);
        Assert.Equal(handler.UnparsedByReason.Sum(), reader.Unparsed);
        Assert.Equal(reader.Lines, reader.Entries + handler.ContinuationLines + reader.Unparsed);
        Assert.False(reader.HasPendingEntry);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Cut(Random random, byte[] line)
    {
        var start = random.Next(3) == 0 ? random.Next(line.Length + 1) : 0;
        var end = random.Next(start, line.Length + 1);
        return line[start..end];
    }

    private static byte[] Mutate(Random random, byte[] line)
    {
        var copy = (byte[])line.Clone();
        for (var i = random.Next(1, 4); i > 0 && copy.Length > 0; i--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private sealed class CountingHandler : IOdooLogEntryHandler
    {
        public long Entries { get; private set; }

        public long ContinuationLines { get; private set; }

        public long[] UnparsedByReason { get; } = new long[4];

        public void OnEntry(in OdooLogEntry entry)
        {
            Entries++;
            ContinuationLines += entry.ContinuationLines;
        }

        public void OnUnparsed(OdooLogUnparsedReason reason, ReadOnlySpan<byte> line) => UnparsedByReason[(int)reason]++;
    }
}

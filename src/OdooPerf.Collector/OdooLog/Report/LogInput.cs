namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// Opens what the user named: a file, or <c>-</c> for standard input; gzip-compressed input is recognised
/// by its magic bytes (1f 8b), whatever the name, and decompressed on the fly, with a check that it is whole.
/// </summary>
internal static class LogInput
{
    public const string StandardInput = "-";

    /// <summary>Fails with a one-line reason when <paramref name="name"/> cannot be read, before any reading starts.</summary>
    public static void Check(string name)
    {
        if (name == StandardInput)
        {
            return;
        }

        if (Directory.Exists(name))
        {
            throw new LogReportException($"{name}: is a directory");
        }

        using var stream = OpenFile(name);
    }

    /// <summary>The decompressed content; <paramref name="compressed"/> tells whether it was gzip.</summary>
    public static Stream Open(string name, Func<Stream> standardInput, out bool compressed)
    {
        var raw = name == StandardInput ? standardInput() : OpenFile(name);
        try
        {
            var magic = new byte[2];
            var length = 0;
            while (length < magic.Length)
            {
                var n = raw.Read(magic, length, magic.Length - length);
                if (n == 0)
                {
                    break;
                }

                length += n;
            }

            Stream content = new PrefixedStream(magic, length, raw);
            compressed = length == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            return compressed ? new CheckedGzipStream(content) : content;
        }
        catch
        {
            raw.Dispose();
            throw;
        }
    }

    private static FileStream OpenFile(string name)
    {
        try
        {
            return new FileStream(name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            throw new LogReportException($"{name}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new LogReportException($"{name}: no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new LogReportException($"{name}: permission denied");
        }
        catch (IOException ex)
        {
            throw new LogReportException($"{name}: {ex.Message}");
        }
    }
}

using System.IO.Compression;
using OdooPerf.Odoo.Logs;

namespace OdooPerf.LoadTests.Derive;

/// <summary>
/// Feeds a log file, plain or gzip-compressed (by its first two bytes, whatever its name), line by line to the log
/// parser; a line longer than the parser's limit is skipped and counted, never buffered whole.
/// </summary>
internal static class LogFileReader
{
    private const int BlockBytes = 1 << 20;

    /// <exception cref="IOException">The file cannot be read, or its compressed data is damaged.</exception>
    public static void Read(string path, OdooLogReader reader)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        using var stream = isGzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        try
        {
            Split(stream, reader);
        }
        catch (InvalidDataException e)
        {
            throw new IOException($"damaged compressed data: {e.Message}", e);
        }
    }

    private static void Split(Stream stream, OdooLogReader reader)
    {
        var buffer = new byte[BlockBytes];
        var line = new byte[OdooLogReader.DefaultMaxLineBytes];
        var length = 0;
        var tooLong = false;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'\n')
                {
                    End(reader, line, length, tooLong);
                    length = 0;
                    tooLong = false;
                }
                else if (length < line.Length)
                {
                    line[length++] = b;
                }
                else
                {
                    tooLong = true;
                }
            }
        }

        if (length > 0 || tooLong)
        {
            End(reader, line, length, tooLong);
        }

        reader.Flush();
    }

    private static void End(OdooLogReader reader, byte[] line, int length, bool tooLong)
    {
        if (tooLong)
        {
            reader.SkipTooLongLine();
            return;
        }

        var text = line.AsSpan(0, length);
        reader.ReadLine(text.Length > 0 && text[^1] == (byte)'\r' ? text[..^1] : text);
    }
}

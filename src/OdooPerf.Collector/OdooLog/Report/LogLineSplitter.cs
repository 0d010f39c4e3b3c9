using OdooPerf.Odoo.Logs;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// Reads a stream in large blocks and hands each line (bytes, without its <c>\n</c>) to the log reader.
/// A line longer than the reader's limit is skipped without being buffered and counted as too long.
/// </summary>
internal sealed class LogLineSplitter(OdooLogReader reader, int maxLineBytes = OdooLogReader.DefaultMaxLineBytes)
{
    /// <summary>Large enough to hold several maximal lines, so a partial line is moved rarely.</summary>
    public const int BufferBytes = 4 << 20;

    private readonly byte[] _buffer = new byte[Math.Max(BufferBytes, (maxLineBytes + 1) * 4)];

    /// <summary>Bytes read from the stream of the last <see cref="Feed"/> (decompressed).</summary>
    public long Bytes { get; private set; }

    /// <summary>Lines handed over (or skipped as too long) in the last <see cref="Feed"/>.</summary>
    public long Lines { get; private set; }

    /// <summary>Reads <paramref name="stream"/> to its end; the last line needs no terminator.</summary>
    public void Feed(Stream stream)
    {
        Bytes = 0;
        Lines = 0;
        var buffer = _buffer;
        var start = 0;
        var end = 0;
        var skipping = false;
        while (true)
        {
            if (end == buffer.Length)
            {
                // Only a partial line (at most maxLineBytes) is left: move it to the front.
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                break;
            }

            Bytes += read;
            end += read;
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }

                if (skipping)
                {
                    skipping = false;
                }
                else
                {
                    Line(buffer.AsSpan(start, newline));
                }

                start += newline + 1;
            }

            if (skipping || end - start > maxLineBytes)
            {
                // Too long already and no end in sight: drop what we have and skip to the next newline.
                if (!skipping)
                {
                    Lines++;
                    reader.SkipTooLongLine();
                    skipping = true;
                }

                start = end;
            }

            if (start == end)
            {
                start = end = 0;
            }
        }

        if (!skipping && end > start)
        {
            Line(buffer.AsSpan(start, end - start));
        }
    }

    private void Line(ReadOnlySpan<byte> line)
    {
        Lines++;
        if (line.Length > maxLineBytes)
        {
            reader.SkipTooLongLine();
        }
        else
        {
            reader.ReadLine(line);
        }
    }
}

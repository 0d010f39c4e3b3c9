namespace OdooPerf.Odoo.Logs;

/// <summary>
/// The <c>werkzeug</c> logger's lines. A request is <c>ADDRESS - - [dd/Mon/YYYY HH:MM:SS] "METHOD PATH PROTOCOL" STATUS SIZE</c>
/// followed by Odoo's perf fields <c>COUNT SQLTIME REMAINING</c> (<c>- - -</c> when the counters were not started; none
/// before 12 or with <c>--syslog</c>) and, on 18+ with a read replica, a fourth field: the cursor mode.
/// Every other werkzeug line (<c>Error on request:</c>, <c>code 400, message ...</c>) carries the perf fields too.
/// </summary>
internal static class WerkzeugRequestParser
{
    public static ReadOnlySpan<byte> LoggerName => "werkzeug"u8;

    /// <summary>Fills <see cref="OdooLogLineFields.Request"/> and trims <see cref="OdooLogLineFields.Message"/> to end at SIZE.</summary>
    /// <returns>False when the message is not a request line (fields left as they were).</returns>
    public static bool TryParse(ReadOnlySpan<byte> line, ref OdooLogLineFields fields)
    {
        var start = fields.Message.Start;
        var message = fields.Message.Of(line);

        var addressEnd = ShortScan.IndexOf(message, 0, (byte)' ');
        if (addressEnd <= 0 || !message[addressEnd..].StartsWith(" - - ["u8))
        {
            return false;
        }

        // werkzeug's date is "dd/Mon/YYYY HH:MM:SS": look where it ends before searching.
        var dateEnd = addressEnd + " - - [dd/Mon/YYYY HH:MM:SS"u8.Length;
        if (dateEnd > message.Length || !message[dateEnd..].StartsWith("] \""u8))
        {
            dateEnd = message.IndexOf("] \""u8);
        }

        // The closing quote is the last one: nothing werkzeug writes after it has quotes.
        var closingQuote = ShortScan.LastIndexOf(message, message.Length, (byte)'"');
        if (dateEnd < addressEnd || closingQuote < dateEnd + 3)
        {
            return false;
        }

        var requestStart = dateEnd + 3;
        ref var request = ref fields.Request;
        request = default;
        request.Address = new ByteRange(start, addressEnd);
        SplitRequestLine(message[requestStart..closingQuote], start + requestStart, ref request);

        // After the quote: " STATUS SIZE", then the perf fields "COUNT SQLTIME REMAINING [MODE]", one space apart.
        var cursor = closingQuote + 1;
        var messageEnd = cursor;
        if (NextToken(message, ref cursor, out var status))
        {
            request.Status = status.Length == 3 && AsciiNumber.TryParseInt(status.Of(message), out var code) ? code : 0;
            messageEnd = status.End;
            if (NextToken(message, ref cursor, out var size))
            {
                messageEnd = size.End;
                if (NextToken(message, ref cursor, out var queries) && NextToken(message, ref cursor, out var sql)
                    && NextToken(message, ref cursor, out var remaining))
                {
                    var hasMode = NextToken(message, ref cursor, out var mode);
                    if (!NextToken(message, ref cursor, out _))
                    {
                        if (hasMode)
                        {
                            request.CursorMode = new ByteRange(start + mode.Start, mode.Length);
                        }

                        if (AsciiNumber.TryParseInt(queries.Of(message), out var count)
                            && AsciiNumber.TryParseDecimal(sql.Of(message), out var sqlSeconds)
                            && AsciiNumber.TryParseDecimal(remaining.Of(message), out var remainingSeconds))
                        {
                            request.HasPerformance = true;
                            request.SqlQueries = count;
                            request.SqlSeconds = sqlSeconds;
                            request.RemainingSeconds = remainingSeconds;
                        }
                    }
                }
            }
        }

        fields.Message = new ByteRange(start, messageEnd);
        return true;
    }

    /// <summary>A werkzeug line that is not a request still ends with the perf fields: drop them, as for a request.</summary>
    public static ByteRange WithoutPerformance(ReadOnlySpan<byte> line, ByteRange message)
    {
        var text = message.Of(line);
        var end = text.Length;
        Span<int> starts = stackalloc int[4];
        var found = 0;
        // Walk back over up to four space-separated tokens.
        var cursor = end;
        while (found < 4 && cursor > 0)
        {
            var space = text[..cursor].LastIndexOf((byte)' ');
            if (space < 0)
            {
                break;
            }

            starts[found++] = space;
            cursor = space;
        }

        // starts[0] is the space before the last token, starts[1] before the one preceding it, ...
        if (found >= 4 && IsCursorMode(Token(text, starts[0], end)) && IsPerfTriple(text, starts[3], starts[2], starts[1], starts[0]))
        {
            return new ByteRange(message.Start, starts[3]);
        }

        if (found >= 3 && IsPerfTriple(text, starts[2], starts[1], starts[0], end))
        {
            return new ByteRange(message.Start, starts[2]);
        }

        return message;
    }

    private static void SplitRequestLine(ReadOnlySpan<byte> requestLine, int offset, ref WerkzeugRequestFields request)
    {
        var firstSpace = ShortScan.IndexOf(requestLine, 0, (byte)' ');
        if (firstSpace < 0)
        {
            request.Method = new ByteRange(offset, requestLine.Length); // garbage such as a TLS handshake on the HTTP port
            return;
        }

        request.Method = new ByteRange(offset, firstSpace);
        // Nearly always " HTTP/1.1" or " HTTP/1.0": no need to look for the space.
        var lastSpace = requestLine.Length > 9 && requestLine[^9..^1].SequenceEqual(" HTTP/1."u8)
            ? requestLine.Length - 9
            : ShortScan.LastIndexOf(requestLine, requestLine.Length, (byte)' ');
        request.Path = lastSpace > firstSpace
            ? ByteRange.FromBounds(offset + firstSpace + 1, offset + lastSpace)
            : ByteRange.FromBounds(offset + firstSpace + 1, offset + requestLine.Length); // HTTP/0.9: no protocol
    }

    // The next space-separated word from cursor on (runs of spaces, e.g. a trailing one, are skipped); false at the end.
    private static bool NextToken(ReadOnlySpan<byte> text, ref int cursor, out ByteRange token)
    {
        var i = cursor;
        while (i < text.Length && text[i] == (byte)' ')
        {
            i++;
        }

        if (i >= text.Length)
        {
            token = default;
            cursor = i;
            return false;
        }

        var end = ShortScan.IndexOf(text, i, (byte)' ');
        if (end < 0)
        {
            end = text.Length;
        }

        token = ByteRange.FromBounds(i, end);
        cursor = end;
        return true;
    }

    private static ReadOnlySpan<byte> Token(ReadOnlySpan<byte> text, int spaceBefore, int end) => text[(spaceBefore + 1)..end];

    private static bool IsPerfTriple(ReadOnlySpan<byte> text, int space1, int space2, int space3, int end)
    {
        var count = Token(text, space1, space2);
        var sql = Token(text, space2, space3);
        var remaining = Token(text, space3, end);
        if (count.SequenceEqual("-"u8) && sql.SequenceEqual("-"u8) && remaining.SequenceEqual("-"u8))
        {
            return true;
        }

        return AsciiNumber.TryParseInt(count, out _) && AsciiNumber.TryParseDecimal(sql, out _) && AsciiNumber.TryParseDecimal(remaining, out _);
    }

    private static bool IsCursorMode(ReadOnlySpan<byte> token) =>
        token.SequenceEqual("-"u8) || token.SequenceEqual("ro"u8) || token.SequenceEqual("rw"u8) || token.SequenceEqual("ro->rw"u8);
}

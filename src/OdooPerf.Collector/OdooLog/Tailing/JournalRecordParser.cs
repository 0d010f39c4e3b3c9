using System.Text;
using System.Text.Json;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// Reads the records <c>journalctl --output=json</c> writes, one JSON object a line, and hands the lines of
/// each record's <c>MESSAGE</c> to the sink. MESSAGE is a JSON string, or an array of byte values when it is
/// not valid UTF-8; journalctl writes null for a field over 4 KiB unless <c>--all</c> is given (it is, so null
/// only means "no usable message" and counts as too long). A message holding several lines (a traceback
/// logged natively to the journal) is split into them. Remembers <c>__CURSOR</c> of the last record for the
/// state file. No string is made per record: the message is delivered from the JSON line itself when it has
/// no escapes, otherwise from one reused buffer.
/// </summary>
internal sealed class JournalRecordParser : ILogLineSink
{
    private readonly ILogLineSink _sink;
    private readonly int _maxLineBytes;
    private readonly byte[] _message;
    private byte[] _cursor = new byte[256];
    private int _cursorLength;
    private bool _cursorChanged;

    /// <param name="maxRecordBytes">The longest JSON line that reaches <see cref="OnLine"/>; the message cannot be longer.</param>
    public JournalRecordParser(ILogLineSink sink, int maxLineBytes, int maxRecordBytes)
    {
        _sink = sink;
        _maxLineBytes = maxLineBytes;
        _message = new byte[maxRecordBytes];
    }

    /// <summary>The longest JSON record that can carry a message line of <paramref name="maxLineBytes"/>: every byte escaped as <c>\u00XX</c>, plus the other fields.</summary>
    public static int MaxRecordBytes(int maxLineBytes) => (maxLineBytes * 6) + (16 * 1024);

    public long Lines { get; private set; }

    public long TooLong { get; private set; }

    /// <summary>Records that were not JSON objects as journalctl writes them.</summary>
    public long Malformed { get; private set; }

    public void OnLine(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4 });
        var cursorSeen = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                Malformed++;
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("MESSAGE"u8))
                {
                    reader.Read();
                    DeliverMessage(ref reader);
                }
                else if (reader.ValueTextEquals("__CURSOR"u8))
                {
                    reader.Read();
                    cursorSeen = reader.TokenType == JsonTokenType.String && KeepCursor(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            Malformed++;
            return;
        }

        if (cursorSeen)
        {
            _cursorChanged = true;
        }
    }

    public void OnLineTooLong()
    {
        TooLong++;
        _sink.OnLineTooLong();
    }

    public void OnIdle() => _sink.OnIdle();

    /// <summary>The cursor of the last record when it changed since the last call, else null. One string per call, not per record.</summary>
    public string? TakeChangedCursor()
    {
        if (!_cursorChanged)
        {
            return null;
        }

        _cursorChanged = false;
        return Encoding.UTF8.GetString(_cursor, 0, _cursorLength);
    }

    private void DeliverMessage(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence:
                DeliverLines(reader.ValueSpan);
                break;
            case JsonTokenType.String:
                DeliverLines(_message.AsSpan(0, reader.CopyString(_message)));
                break;
            case JsonTokenType.StartArray:
                var length = 0;
                while (reader.Read() && reader.TokenType == JsonTokenType.Number)
                {
                    if (length == _message.Length || !reader.TryGetByte(out var value))
                    {
                        throw new JsonException("MESSAGE is not an array of bytes");
                    }

                    _message[length++] = value;
                }

                if (reader.TokenType != JsonTokenType.EndArray)
                {
                    throw new JsonException("MESSAGE is not an array of bytes");
                }

                DeliverLines(_message.AsSpan(0, length));
                break;
            default:
                // null: over journalctl's field size limit.
                reader.Skip();
                TooLong++;
                _sink.OnLineTooLong();
                break;
        }
    }

    private void DeliverLines(ReadOnlySpan<byte> message)
    {
        if (message.Length > 0 && message[^1] == (byte)'\n')
        {
            message = message[..^1];
        }

        while (true)
        {
            var newline = message.IndexOf((byte)'\n');
            var line = newline < 0 ? message : message[..newline];
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.Length > _maxLineBytes)
            {
                TooLong++;
                _sink.OnLineTooLong();
            }
            else
            {
                Lines++;
                _sink.OnLine(line);
            }

            if (newline < 0)
            {
                return;
            }

            message = message[(newline + 1)..];
        }
    }

    private bool KeepCursor(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > _cursor.Length)
        {
            _cursor = new byte[length];
        }

        _cursorLength = reader.CopyString(_cursor);
        return true;
    }
}

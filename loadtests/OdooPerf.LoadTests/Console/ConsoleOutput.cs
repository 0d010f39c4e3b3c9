using System.Text;

namespace OdooPerf.LoadTests.Console;

/// <summary>
/// Everything odooperf-load prints goes through here: lines on stdout, errors and warnings on stderr, and on a
/// terminal the live progress block, redrawn in place at the bottom (lines printed meanwhile appear above it). Every
/// line passes through <see cref="Redaction"/>.
/// </summary>
internal sealed class ConsoleOutput
{
    public const string Program = "odooperf-load";

    private readonly Lock _lock = new();
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private int _blockLines;
    private string _block = "";

    public ConsoleOutput(TextWriter output, TextWriter error, bool interactive)
    {
        _out = output;
        _error = error;
        Interactive = interactive;
    }

    /// <summary>
    /// The process's console: interactive (a block redrawn in place) only when stdout is a terminal, <c>--plain</c>
    /// was not given, NO_COLOR is not set and TERM is not <c>dumb</c>; otherwise plain lines, as CI logs want.
    /// </summary>
    public static ConsoleOutput ForProcess(bool plain)
    {
        var interactive = !plain
            && !System.Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") is not ("dumb" or "" or null);
        return new ConsoleOutput(System.Console.Out, System.Console.Error, interactive);
    }

    /// <summary>True when the progress block is redrawn in place; false for plain lines.</summary>
    public bool Interactive { get; }

    public void Line(string text = "") => Write(_out, text);

    /// <summary>A one-line message on stderr, prefixed with the program's name.</summary>
    public void Error(string message) => Write(_error, $"{Program}: {OneLine(message)}");

    /// <summary>Replaces the progress block with <paramref name="lines"/> (interactive mode only).</summary>
    public void Block(IReadOnlyList<string> lines)
    {
        if (!Interactive)
        {
            return;
        }

        var width = Width();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var safe = Redaction.Apply(line);
            text.Append(safe.Length > width ? safe[..width] : safe).Append('\n');
        }

        lock (_lock)
        {
            var erase = Erase();
            _block = text.ToString();
            _blockLines = lines.Count;
            _out.Write(erase + _block);
            _out.Flush();
        }
    }

    /// <summary>Removes the progress block, so what follows starts where it was.</summary>
    public void EndBlock()
    {
        lock (_lock)
        {
            if (_blockLines > 0)
            {
                _out.Write(Erase());
                _out.Flush();
            }

            _block = "";
            _blockLines = 0;
        }
    }

    private void Write(TextWriter writer, string text)
    {
        var safe = Redaction.Apply(text);
        lock (_lock)
        {
            if (_blockLines > 0)
            {
                // Above the block: erase it, print, draw it again below.
                _out.Write(Erase());
                _out.Flush();
                writer.WriteLine(safe);
                writer.Flush();
                _out.Write(_block);
                _out.Flush();
                return;
            }

            writer.WriteLine(safe);
            writer.Flush();
        }
    }

    // Cursor up over the block, then erase to the end of the screen.
    private string Erase() => _blockLines == 0 ? "" : $"\u001b[{_blockLines}A\r\u001b[J";

    private static int Width()
    {
        try
        {
            var width = System.Console.WindowWidth;
            return width > 20 ? width - 1 : 200;
        }
        catch (IOException)
        {
            return 200;
        }
    }

    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
}

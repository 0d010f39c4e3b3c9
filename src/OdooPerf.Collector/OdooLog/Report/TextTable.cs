using System.Text;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>A plain-text table with aligned columns: text columns left, numbers right; long cells are cut with an ellipsis.</summary>
internal sealed class TextTable
{
    private readonly (string Header, bool Right, int MaxWidth)[] _columns;
    private readonly List<string[]> _rows = [];

    public TextTable(params (string Header, bool Right, int MaxWidth)[] columns)
    {
        _columns = columns;
    }

    public int Count => _rows.Count;

    public void Add(params string[] cells)
    {
        var row = new string[_columns.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var cell = ReportFormat.Printable(i < cells.Length ? cells[i] : string.Empty);
            var max = _columns[i].MaxWidth;
            row[i] = max > 1 && cell.Length > max ? string.Concat(cell.AsSpan(0, max - 1), "…") : cell;
        }

        _rows.Add(row);
    }

    public void WriteTo(StringBuilder output, string indent = "  ")
    {
        var widths = new int[_columns.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = Math.Max(_columns[i].Header.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length));
        }

        if (_columns.Any(c => c.Header.Length > 0))
        {
            WriteRow(output, indent, widths, [.. _columns.Select(c => c.Header)]);
            WriteRow(output, indent, widths, [.. widths.Select(w => new string('-', w))]);
        }

        foreach (var row in _rows)
        {
            WriteRow(output, indent, widths, row);
        }
    }

    private void WriteRow(StringBuilder output, string indent, int[] widths, string[] cells)
    {
        var line = new StringBuilder(indent);
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append("  ");
            }

            var last = i == cells.Length - 1;
            if (_columns[i].Right)
            {
                line.Append(cells[i].PadLeft(widths[i]));
            }
            else
            {
                line.Append(last ? cells[i] : cells[i].PadRight(widths[i]));
            }
        }

        output.Append(line.ToString().TrimEnd()).Append('\n');
    }
}

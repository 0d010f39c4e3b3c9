using System.Text;

namespace OdooPerf.LoadTests.Console;

/// <summary>A plain-text table: the first column left-aligned, the others right-aligned, two spaces between.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public IReadOnlyList<string> Lines(string indent = "")
    {
        var all = new List<string[]>(_rows.Count + 1) { headers };
        all.AddRange(_rows);
        var widths = new int[headers.Length];
        foreach (var row in all)
        {
            for (var i = 0; i < row.Length && i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        return all.Select(row =>
        {
            var line = new StringBuilder(indent);
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < row.Length ? row[i] : "";
                if (i > 0)
                {
                    line.Append("  ");
                }

                line.Append(i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            }

            return line.ToString().TrimEnd();
        }).ToArray();
    }
}

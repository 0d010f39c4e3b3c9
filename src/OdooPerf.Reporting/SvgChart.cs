using System.Globalization;
using System.Net;
using System.Text;

namespace OdooPerf.Reporting;

/// <summary>
/// Inline SVG charts drawn here (no script, no external resource): lines and bars over time, and ranked
/// horizontal bars, for the self-contained HTML reports (the collector's log report, the load run report).
/// Every text given is HTML-escaped; hovering a bar or point shows its figures through SVG <c>title</c> elements.
/// Times are shown as given (the caller decides between server-local time and UTC); intervals under a minute
/// show seconds.
/// </summary>
public static class SvgChart
{
    public const int Width = 1180;

    private const int Left = 76;
    private const int Right = 24;
    private const int Top = 34;
    private const int Bottom = 36;
    private const string Axis = "#888888";
    private const string Grid = "#e4e4e4";

    /// <summary>A series over the timeline; <see cref="double.NaN"/> where a bucket has no value (the line breaks there).</summary>
    public sealed record Series(string Name, string Colour, double[] Values);

    /// <summary>A ranked bar: its label, its length, what is written after it, and what hovering shows.</summary>
    public sealed record Bar(string Label, double Value, string Text, string Tooltip);

    /// <summary>Lines over time (one point per bucket, at its middle).</summary>
    public static string Lines(string id, IReadOnlyList<DateTime> starts, double intervalSeconds, IReadOnlyList<Series> series, Func<double, string> format, int height = 280)
    {
        var frame = new TimeFrame(starts, intervalSeconds, height);
        var max = series.SelectMany(s => s.Values).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        var o = Begin(id, height);
        var yTop = YAxis(o, frame, max, format);
        TimeAxis(o, frame);
        Legend(o, series.Select(s => (s.Name, s.Colour)));
        var markers = starts.Count <= 90;
        foreach (var s in series)
        {
            var points = new StringBuilder();
            for (var i = 0; i < starts.Count; i++)
            {
                var value = s.Values[i];
                var contiguous = i > 0 && !double.IsNaN(s.Values[i - 1]) && (starts[i] - starts[i - 1]).TotalSeconds <= intervalSeconds * 1.5;
                if (double.IsNaN(value))
                {
                    continue;
                }

                if (!contiguous && points.Length > 0)
                {
                    Polyline(o, points, s.Colour);
                    points.Clear();
                }

                // A point with no neighbour would be an invisible one-point line: give it a dot of its own.
                var next = i + 1 < starts.Count && !double.IsNaN(s.Values[i + 1]) && (starts[i + 1] - starts[i]).TotalSeconds <= intervalSeconds * 1.5;
                if (!markers && !contiguous && !next)
                {
                    o.Append("<circle cx=\"").Append(F(frame.X(starts[i]) + (frame.BarWidth / 2))).Append("\" cy=\"").Append(F(frame.Y(value, yTop)))
                        .Append("\" r=\"2.5\" fill=\"").Append(s.Colour).Append("\"/>");
                }

                points.Append(F(frame.X(starts[i]) + (frame.BarWidth / 2))).Append(',').Append(F(frame.Y(value, yTop))).Append(' ');
            }

            Polyline(o, points, s.Colour);
            if (markers)
            {
                for (var i = 0; i < starts.Count; i++)
                {
                    if (!double.IsNaN(s.Values[i]))
                    {
                        o.Append("<circle cx=\"").Append(F(frame.X(starts[i]) + (frame.BarWidth / 2))).Append("\" cy=\"").Append(F(frame.Y(s.Values[i], yTop)))
                            .Append("\" r=\"3.5\" fill=\"").Append(s.Colour).Append("\"><title>")
                            .Append(Escape($"{s.Name} {BucketStart(starts[i], intervalSeconds)}: {format(s.Values[i])}")).Append("</title></circle>");
                    }
                }
            }
        }

        return End(o);
    }

    /// <summary>Bars over time, stacked when there are several series.</summary>
    /// <param name="minStep">Smallest step between grid lines: 1 for counts, so that a maximum of 2 does not label 0, 0.5, 1, 1.5 as 0, 0, 1, 1.</param>
    public static string Columns(string id, IReadOnlyList<DateTime> starts, double intervalSeconds, IReadOnlyList<Series> series, Func<double, string> format, int height = 220, double minStep = 0)
    {
        var frame = new TimeFrame(starts, intervalSeconds, height);
        var max = 0.0;
        for (var i = 0; i < starts.Count; i++)
        {
            max = Math.Max(max, series.Sum(s => double.IsNaN(s.Values[i]) ? 0 : s.Values[i]));
        }

        var o = Begin(id, height);
        var yTop = YAxis(o, frame, max, format, minStep);
        TimeAxis(o, frame);
        Legend(o, series.Select(s => (s.Name, s.Colour)));
        for (var i = 0; i < starts.Count; i++)
        {
            var stacked = 0.0;
            foreach (var s in series)
            {
                var value = double.IsNaN(s.Values[i]) ? 0 : s.Values[i];
                if (value <= 0)
                {
                    continue;
                }

                var y0 = frame.Y(stacked, yTop);
                var y1 = frame.Y(stacked + value, yTop);
                stacked += value;
                o.Append("<rect x=\"").Append(F(frame.X(starts[i]))).Append("\" y=\"").Append(F(y1)).Append("\" width=\"").Append(F(Math.Max(1, frame.BarWidth - 1)))
                    .Append("\" height=\"").Append(F(Math.Max(1, y0 - y1))).Append("\" fill=\"").Append(s.Colour).Append("\"><title>")
                    .Append(Escape($"{s.Name} {BucketStart(starts[i], intervalSeconds)}: {format(value)}")).Append("</title></rect>");
            }
        }

        return End(o);
    }

    /// <summary>Horizontal bars, longest first as given, labels on the left.</summary>
    public static string Bars(string id, IReadOnlyList<Bar> bars, string colour, int width = Width, int labelWidth = 330)
    {
        const int row = 24;
        var height = 12 + (bars.Count * row);
        var o = new StringBuilder();
        o.Append("<svg id=\"").Append(id).Append("\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
            .Append("\" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\" role=\"img\">");
        var max = bars.Select(b => b.Value).DefaultIfEmpty(0).Max();
        var barSpace = width - labelWidth - 290;
        var maxLabel = labelWidth / 7;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 6 + (i * row);
            var length = max > 0 ? Math.Max(2, bar.Value / max * barSpace) : 2;
            var label = bar.Label.Length > maxLabel ? string.Concat(bar.Label.AsSpan(0, maxLabel - 1), "…") : bar.Label;
            o.Append("<g><title>").Append(Escape(bar.Tooltip)).Append("</title>")
                .Append("<text x=\"").Append(labelWidth - 8).Append("\" y=\"").Append(y + 15).Append("\" text-anchor=\"end\" class=\"label\">").Append(Escape(label)).Append("</text>")
                .Append("<rect x=\"").Append(labelWidth).Append("\" y=\"").Append(y + 2).Append("\" width=\"").Append(F(length)).Append("\" height=\"").Append(row - 6)
                .Append("\" fill=\"").Append(colour).Append("\"/>")
                .Append("<text x=\"").Append(F(labelWidth + length + 6)).Append("\" y=\"").Append(y + 15).Append("\" class=\"value\">").Append(Escape(bar.Text)).Append("</text></g>");
        }

        return o.Append("</svg>").ToString();
    }

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The start of a timeline bucket in a tooltip, as short as its interval allows.</summary>
    private static string BucketStart(DateTime start, double intervalSeconds) => intervalSeconds switch
    {
        < 60 => start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        < 86400 => start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static StringBuilder Begin(string id, int height)
    {
        var o = new StringBuilder();
        o.Append("<svg id=\"").Append(id).Append("\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(height)
            .Append("\" width=\"").Append(Width).Append("\" height=\"").Append(height).Append("\" role=\"img\">");
        return o;
    }

    private static string End(StringBuilder o) => o.Append("</svg>").ToString();

    private static void Polyline(StringBuilder o, StringBuilder points, string colour)
    {
        if (points.Length == 0)
        {
            return;
        }

        o.Append("<polyline fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\" points=\"").Append(points.ToString().TrimEnd()).Append("\"/>");
    }

    private static void Legend(StringBuilder o, IEnumerable<(string Name, string Colour)> entries)
    {
        var x = Left;
        foreach (var (name, colour) in entries)
        {
            o.Append("<rect x=\"").Append(x).Append("\" y=\"8\" width=\"14\" height=\"14\" fill=\"").Append(colour).Append("\"/>")
                .Append("<text x=\"").Append(x + 19).Append("\" y=\"20\" class=\"label\">").Append(Escape(name)).Append("</text>");
            x += 30 + (name.Length * 7);
        }
    }

    /// <summary>Draws the horizontal grid and its labels; returns the value at the top of the plot.</summary>
    private static double YAxis(StringBuilder o, TimeFrame frame, double max, Func<double, string> format, double minStep = 0)
    {
        var step = Math.Max(minStep, NiceStep(max <= 0 ? 1 : max / 4));
        var yTop = Math.Max(step, Math.Ceiling(max / step) * step);
        for (var v = 0.0; v <= yTop + (step / 2); v += step)
        {
            var y = F(frame.Y(v, yTop));
            o.Append("<line x1=\"").Append(Left).Append("\" x2=\"").Append(Width - Right).Append("\" y1=\"").Append(y).Append("\" y2=\"").Append(y)
                .Append("\" stroke=\"").Append(v == 0 ? Axis : Grid).Append("\"/>")
                .Append("<text x=\"").Append(Left - 6).Append("\" y=\"").Append(F(frame.Y(v, yTop) + 4)).Append("\" text-anchor=\"end\" class=\"tick\">").Append(Escape(format(v))).Append("</text>");
        }

        return yTop;
    }

    private static void TimeAxis(StringBuilder o, TimeFrame frame)
    {
        const int labels = 7;
        var sameDay = frame.Start.Date == frame.End.AddTicks(-1).Date;
        for (var i = 0; i <= labels; i++)
        {
            var time = frame.Start + TimeSpan.FromTicks((frame.End - frame.Start).Ticks * i / labels);
            var x = F(frame.X(time));
            var clock = frame.IntervalSeconds < 60 ? "HH:mm:ss" : "HH:mm";
            var text = time.ToString(sameDay ? clock : "MM-dd " + clock, CultureInfo.InvariantCulture);
            o.Append("<line x1=\"").Append(x).Append("\" x2=\"").Append(x).Append("\" y1=\"").Append(frame.Height - Bottom).Append("\" y2=\"").Append(frame.Height - Bottom + 5).Append("\" stroke=\"").Append(Axis).Append("\"/>")
                .Append("<text x=\"").Append(x).Append("\" y=\"").Append(frame.Height - Bottom + 19).Append("\" text-anchor=\"").Append(i == 0 ? "start" : i == labels ? "end" : "middle").Append("\" class=\"tick\">")
                .Append(text).Append("</text>");
        }
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="raw"/>.</summary>
    internal static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalised = raw / magnitude;
        return (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude;
    }

    /// <summary>Maps time to x and values to y for a chart over the buckets' span.</summary>
    private sealed class TimeFrame
    {
        public TimeFrame(IReadOnlyList<DateTime> starts, double intervalSeconds, int height)
        {
            Height = height;
            IntervalSeconds = intervalSeconds;
            var interval = TimeSpan.FromSeconds(intervalSeconds);
            Start = starts.Count == 0 ? DateTime.MinValue : starts[0];
            End = starts.Count == 0 ? DateTime.MinValue + interval : starts[^1] + interval;
            BarWidth = (Width - Left - Right) * interval.TotalSeconds / (End - Start).TotalSeconds;
        }

        public DateTime Start { get; }

        public DateTime End { get; }

        public int Height { get; }

        public double IntervalSeconds { get; }

        public double BarWidth { get; }

        public double X(DateTime time) => Left + ((time - Start).TotalSeconds / (End - Start).TotalSeconds * (Width - Left - Right));

        public double Y(double value, double top) => Top + ((Height - Top - Bottom) * (1 - (value / top)));
    }
}

using System.Globalization;
using OdooPerf.Load.Simulations;

namespace OdooPerf.LoadTests.Console;

/// <summary>How the console writes numbers: invariant culture, units spelled out, precision that suits the size.</summary>
internal static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><c>0.412 ms</c>, <c>4.12 ms</c>, <c>41.2 ms</c>, <c>412 ms</c>, <c>4.12 s</c>.</summary>
    public static string Latency(double milliseconds) => milliseconds switch
    {
        < 0 or double.NaN => "-",
        < 1 => milliseconds.ToString("0.000", Invariant) + " ms",
        < 10 => milliseconds.ToString("0.00", Invariant) + " ms",
        < 100 => milliseconds.ToString("0.0", Invariant) + " ms",
        < 1000 => milliseconds.ToString("0", Invariant) + " ms",
        _ => (milliseconds / 1000).ToString("0.00", Invariant) + " s",
    };

    /// <summary>Requests per second: one decimal below 100, whole above, thousands grouped.</summary>
    public static string Rate(double perSecond) =>
        perSecond < 100 ? perSecond.ToString("0.0", Invariant) : perSecond.ToString("#,0", Invariant);

    public static string Count(long count) => count.ToString("#,0", Invariant);

    /// <summary>A 0..1 fraction as a percentage, <c>1.25%</c>.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.00", Invariant) + "%";

    public static string Errors(long failed, long requests) =>
        $"{Count(failed)} ({Percent(requests == 0 ? 0 : (double)failed / requests)})";

    /// <summary>Whole seconds, <c>1m30s</c>; <c>0s</c> for less than one.</summary>
    public static string Seconds(TimeSpan span)
    {
        var whole = TimeSpan.FromSeconds(Math.Floor(Math.Max(0, span.TotalSeconds)));
        return whole == TimeSpan.Zero ? "0s" : DurationText.Format(whole);
    }

    /// <summary>Whole seconds rounded up, so a countdown reaches <c>0s</c> only at the end.</summary>
    public static string SecondsLeft(TimeSpan left) => Seconds(TimeSpan.FromSeconds(Math.Ceiling(Math.Max(0, left.TotalSeconds))));

    /// <summary>Seconds with one decimal under a minute (<c>12.3s</c>), else as <see cref="Seconds(TimeSpan)"/>.</summary>
    public static string Seconds(double seconds) =>
        seconds < 60 ? seconds.ToString("0.0", Invariant) + "s" : Seconds(TimeSpan.FromSeconds(seconds));

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024d).ToString("0.0", Invariant) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.0", Invariant) + " MiB",
        _ => (bytes / (1024d * 1024 * 1024)).ToString("0.00", Invariant) + " GiB",
    };

    /// <summary>An iteration rate, <c>500/s</c>, <c>0.5/s</c>.</summary>
    public static string PerSecond(double rate) => rate.ToString("0.###", Invariant) + "/s";
}

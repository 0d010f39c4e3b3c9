using System.Diagnostics.CodeAnalysis;
using HdrHistogram;
using HdrHistogram.Utilities;

namespace OdooPerf.Load.Stats;

/// <summary>
/// Histograms as text for report.json: HdrHistogram's compressed V2 encoding in base64, the form every HdrHistogram
/// implementation (Java, Go, HdrHistogramJS, hdr_decode) reads. Decoded histograms add losslessly, which is what
/// merging the reports of several segments relies on.
/// </summary>
public static class HistogramCodec
{
    public static string Encode(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = HistogramEncoding.EncodeIntoCompressedByteBuffer(histogram, buffer);

        // ByteBuffer exposes no array; reading it back byte by byte is cheap at report time.
        var bytes = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>Decodes <paramref name="encoded"/>; false (never an exception) for text that is not such a histogram.</summary>
    public static bool TryDecode(string? encoded, [NotNullWhen(true)] out HistogramBase? histogram)
    {
        histogram = null;
        if (string.IsNullOrWhiteSpace(encoded))
        {
            return false;
        }

        try
        {
            var bytes = Convert.FromBase64String(encoded);
            histogram = HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), LatencyHistogram.HighestTrackableMicroseconds);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The decoder throws whatever its reading hits (index, overflow, deflate, format errors) on corrupt input.
            // A hand-edited or truncated report must not crash a merge; the caller reports which input was bad.
            return false;
        }
    }

    /// <summary>Decodes <paramref name="encoded"/>, or throws <see cref="FormatException"/> saying it is not a histogram.</summary>
    public static HistogramBase Decode(string encoded) =>
        TryDecode(encoded, out var histogram)
            ? histogram
            : throw new FormatException("not a base64 compressed HdrHistogram");

    /// <summary>One histogram holding every value of <paramref name="histograms"/> (none of them is changed).</summary>
    public static LongHistogram Merge(IEnumerable<HistogramBase> histograms)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        var total = LatencyHistogram.Create();
        foreach (var histogram in histograms)
        {
            total.Add(histogram);
        }

        return total;
    }
}

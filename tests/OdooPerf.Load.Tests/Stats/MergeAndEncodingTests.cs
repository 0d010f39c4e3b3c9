using OdooPerf.Testing;
using HdrHistogram;
using OdooPerf.Load.Stats;
using Xunit;

namespace OdooPerf.Load.Tests.Stats;

public sealed class MergeAndEncodingTests
{
    private static (long Value, long Count)[] Buckets(HistogramBase histogram) =>
        histogram.RecordedValues().Select(v => (v.ValueIteratedTo, v.CountAtValueIteratedTo)).ToArray();

    private static long[] Latencies()
    {
        // A deterministic spread from 50 µs to about 4 minutes, with repeats.
        var random = new Random(20261123);
        return Enumerable.Range(0, 20_000).Select(_ => (long)Math.Exp(random.NextDouble() * Math.Log(240_000_000.0 / 50)) * 50).ToArray();
    }

    [Fact]
    public void Encode_decode_and_merge_of_two_halves_equals_one_histogram_of_everything()
    {
        var values = Latencies();
        var whole = LatencyHistogram.Create();
        var firstHalf = LatencyHistogram.Create();
        var secondHalf = LatencyHistogram.Create();
        for (var i = 0; i < values.Length; i++)
        {
            whole.RecordValue(values[i]);
            (i % 2 == 0 ? firstHalf : secondHalf).RecordValue(values[i]);
        }

        var merged = HistogramCodec.Merge([
            HistogramCodec.Decode(HistogramCodec.Encode(firstHalf)),
            HistogramCodec.Decode(HistogramCodec.Encode(secondHalf)),
        ]);

        Assert.Equal(values.Length, merged.TotalCount);
        Assert.Equal(Buckets(whole), Buckets(merged));
        Assert.Equal(LatencySummaries.From(whole), LatencySummaries.From(merged));
    }

    [Fact]
    public void The_encoding_is_compact_base64()
    {
        var histogram = LatencyHistogram.Create();
        foreach (var value in Latencies())
        {
            histogram.RecordValue(value);
        }

        var text = HistogramCodec.Encode(histogram);

        Assert.Matches("^[A-Za-z0-9+/]+=*$", text);
        Assert.True(text.Length < 40_000, $"encoded length {text.Length}");
        Assert.Equal(Buckets(histogram), Buckets(HistogramCodec.Decode(text)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("SGVsbG8gd29ybGQ=")]
    [InlineData("HISTFAAAACB4nJNpmSzMwMDAwQABTFCaEUzOmdZg/wEiAgBN9gQL")]
    public void Text_that_is_not_a_histogram_is_refused_without_a_crash(string text)
    {
        Assert.False(HistogramCodec.TryDecode(text, out _));
        Assert.Throws<FormatException>(() => HistogramCodec.Decode(text));
    }

    [Fact]
    public void Truncated_or_corrupted_encodings_never_throw_from_TryDecode()
    {
        var histogram = LatencyHistogram.Create();
        foreach (var value in Latencies().Take(500))
        {
            histogram.RecordValue(value);
        }

        var bytes = Convert.FromBase64String(HistogramCodec.Encode(histogram));
        var refused = 0;
        for (var cut = 0; cut < bytes.Length; cut += 7)
        {
            refused += HistogramCodec.TryDecode(Convert.ToBase64String(bytes[..cut]), out _) ? 0 : 1;
        }

        for (var i = 0; i < bytes.Length; i += 5)
        {
            var corrupted = (byte[])bytes.Clone();
            corrupted[i] ^= 0x5A;
            _ = HistogramCodec.TryDecode(Convert.ToBase64String(corrupted), out _);
        }

        // Every truncation loses data, so every one must be refused rather than decoded into something smaller.
        Assert.Equal((bytes.Length + 6) / 7, refused);
    }

    [Fact]
    public void A_scenario_is_the_merge_of_its_steps_and_the_run_of_everything()
    {
        var run = new RunStats(clock: new ManualClock());
        var login = run.Step("sales", "login");
        var order = run.Step("sales", "order");
        var browse = run.Step("browse", "list");
        var direct = LatencyHistogram.Create();
        var values = Latencies();
        for (var i = 0; i < values.Length; i++)
        {
            var step = (i % 3) switch { 0 => login, 1 => order, _ => browse };
            var latency = TimeSpan.FromMicroseconds(values[i]);
            if (i % 7 == 0)
            {
                step.RecordFailure(latency, i % 2 == 0 ? "timeout" : "http_500", i % 2 == 0 ? null : 500, bytesSent: 10);
            }
            else
            {
                step.RecordOk(latency, 200, bytesSent: 10, bytesReceived: 100);
            }

            direct.RecordValue(values[i]);
        }

        var steps = run.StepSnapshots();
        var sales = run.Snapshot("sales");
        var total = run.Snapshot();

        Assert.Equal(["login", "order", "list"], steps.Select(s => s.Step));
        Assert.Equal(steps[0].Requests + steps[1].Requests, sales.Requests);
        Assert.Equal(steps[0].Failed + steps[1].Failed, sales.Failed);
        Assert.Equal(steps[0].FailuresByReason.GetValueOrDefault("timeout") + steps[1].FailuresByReason.GetValueOrDefault("timeout"),
            sales.FailuresByReason["timeout"]);
        Assert.Equal(values.Length, total.Requests);
        Assert.Equal(values.Length * 10L, total.BytesSent);
        Assert.Equal(steps.Sum(s => s.StatusCodes.GetValueOrDefault(500)), total.StatusCodes[500]);
        Assert.Null(total.Scenario);
        Assert.Null(sales.Step);

        // The run's histogram is exactly the merge of the steps', and the same as recording everything in one.
        var ofSteps = HistogramCodec.Merge(steps.Select(s => HistogramCodec.Decode(HistogramCodec.Encode(run.Histogram(s.Scenario, s.Step)))));
        Assert.Equal(Buckets(direct), Buckets(run.Histogram()));
        Assert.Equal(Buckets(direct), Buckets(ofSteps));
        Assert.Equal(LatencySummaries.From(direct), total.Latency);
    }

    [Fact]
    public void An_unknown_scenario_or_step_gives_an_empty_snapshot()
    {
        var run = new RunStats(clock: new ManualClock());
        run.Step("s", "a").RecordOk(TimeSpan.FromMilliseconds(1));

        var snapshot = run.Snapshot("nope", "a");

        Assert.Equal(0, snapshot.Requests);
        Assert.Equal(LatencySummaries.Empty, snapshot.Latency);
        Assert.Equal(0, run.Snapshot("nope").Requests);
    }
}

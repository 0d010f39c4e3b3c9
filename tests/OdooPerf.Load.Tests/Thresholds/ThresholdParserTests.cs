using OdooPerf.Load.Thresholds;
using Xunit;

namespace OdooPerf.Load.Tests.Thresholds;

public class ThresholdParserTests
{
    private static readonly ThresholdScope Run = ThresholdScope.Run;

    public static TheoryData<string, Threshold> ValidForms => new()
    {
        { "p95 < 3s", new LimitThreshold(Run, ThresholdMetric.P95, ComparisonOperator.Less, 3_000, "3s") },
        { "p99 < 8s", new LimitThreshold(Run, ThresholdMetric.P99, ComparisonOperator.Less, 8_000, "8s") },
        { "p99.9 <= 12s", new LimitThreshold(Run, ThresholdMetric.P999, ComparisonOperator.LessOrEqual, 12_000, "12s") },
        { "p999 <= 12s", new LimitThreshold(Run, ThresholdMetric.P999, ComparisonOperator.LessOrEqual, 12_000, "12s") },
        { "mean < 500ms", new LimitThreshold(Run, ThresholdMetric.Mean, ComparisonOperator.Less, 500, "500ms") },
        { "max < 1m", new LimitThreshold(Run, ThresholdMetric.Max, ComparisonOperator.Less, 60_000, "1m") },
        { "min > 1.5ms", new LimitThreshold(Run, ThresholdMetric.Min, ComparisonOperator.Greater, 1.5, "1.5ms") },
        { "p50 < 1.1s", new LimitThreshold(Run, ThresholdMetric.P50, ComparisonOperator.Less, 1_100, "1.1s") },
        { "p75 < 0.25m", new LimitThreshold(Run, ThresholdMetric.P75, ComparisonOperator.Less, 15_000, "0.25m") },
        { "p90 >= 0ms", new LimitThreshold(Run, ThresholdMetric.P90, ComparisonOperator.GreaterOrEqual, 0, "0ms") },
        { "stddev < 200ms", new LimitThreshold(Run, ThresholdMetric.StdDev, ComparisonOperator.Less, 200, "200ms") },
        { "fail_rate < 2%", new LimitThreshold(Run, ThresholdMetric.FailRate, ComparisonOperator.Less, 0.02, "2%") },
        { "fail_rate < 0.02", new LimitThreshold(Run, ThresholdMetric.FailRate, ComparisonOperator.Less, 0.02, "0.02") },
        { "fail_rate <= 100%", new LimitThreshold(Run, ThresholdMetric.FailRate, ComparisonOperator.LessOrEqual, 1, "100%") },
        { "rps > 100", new LimitThreshold(Run, ThresholdMetric.Rps, ComparisonOperator.Greater, 100, "100") },
        { "rps >= 12.5", new LimitThreshold(Run, ThresholdMetric.Rps, ComparisonOperator.GreaterOrEqual, 12.5, "12.5") },
        { "requests >= 1000", new LimitThreshold(Run, ThresholdMetric.Requests, ComparisonOperator.GreaterOrEqual, 1_000, "1000") },
        { "failed == 0", new LimitThreshold(Run, ThresholdMetric.Failed, ComparisonOperator.Equal, 0, "0") },
        { "ok > 10", new LimitThreshold(Run, ThresholdMetric.Ok, ComparisonOperator.Greater, 10, "10") },
        // Whitespace tolerance and case-insensitive metric names and units.
        { "  P95<3S  ", new LimitThreshold(Run, ThresholdMetric.P95, ComparisonOperator.Less, 3_000, "3s") },
        { "Fail_Rate<2 %", new LimitThreshold(Run, ThresholdMetric.FailRate, ComparisonOperator.Less, 0.02, "2%") },
        { "\tmean\t<\t500 MS", new LimitThreshold(Run, ThresholdMetric.Mean, ComparisonOperator.Less, 500, "500ms") },
        // Scopes.
        { "browse: p95 < 3s", new LimitThreshold(ThresholdScope.ForScenario("browse"), ThresholdMetric.P95, ComparisonOperator.Less, 3_000, "3s") },
        { "browse/open_form: p95 < 3s", new LimitThreshold(ThresholdScope.ForStep("browse", "open_form"), ThresholdMetric.P95, ComparisonOperator.Less, 3_000, "3s") },
        { " browse / open_form :p95<3s", new LimitThreshold(ThresholdScope.ForStep("browse", "open_form"), ThresholdMetric.P95, ComparisonOperator.Less, 3_000, "3s") },
        { "sale-2.order_v1/list.view-3: failed == 0", new LimitThreshold(ThresholdScope.ForStep("sale-2.order_v1", "list.view-3"), ThresholdMetric.Failed, ComparisonOperator.Equal, 0, "0") },
        // Regressions against a baseline.
        { "p95 +20%", new RegressionThreshold(Run, ThresholdMetric.P95, 20) },
        { "p99.9 + 12.5 %", new RegressionThreshold(Run, ThresholdMetric.P999, 12.5) },
        { "fail_rate +50%", new RegressionThreshold(Run, ThresholdMetric.FailRate, 50) },
        { "rps -10%", new RegressionThreshold(Run, ThresholdMetric.Rps, 10) },
        { "browse/open_form: p95 +0%", new RegressionThreshold(ThresholdScope.ForStep("browse", "open_form"), ThresholdMetric.P95, 0) },
    };

    [Theory]
    [MemberData(nameof(ValidForms))]
    public void Parses_every_form_into_its_structure(string expression, Threshold expected)
    {
        Assert.Equal(expected, ThresholdParser.Parse(expression));
    }

    public static TheoryData<string, string> MalformedForms => new()
    {
        { "p95 < 3", "invalid threshold 'p95 < 3': a latency needs a unit (ms, s or m)" },
        { "p95 < 3h", "invalid threshold 'p95 < 3h': unknown unit 'h'; a latency takes ms, s or m" },
        { "p95 < 3%", "invalid threshold 'p95 < 3%': p95 is a latency, not a percentage; use ms, s or m (a percentage is a regression: 'p95 +20%')" },
        { "p96 < 3s", "invalid threshold 'p96 < 3s': unknown metric 'p96'; known: p50, p75, p90, p95, p99, p99.9, min, mean, stddev, max, fail_rate, rps, requests, failed, ok" },
        { "< 3s", "invalid threshold '< 3s': expected a metric at '< 3s' (p50, p75, p90, p95, p99, p99.9, min, mean, stddev, max, fail_rate, rps, requests, failed, ok)" },
        { "browse:", "invalid threshold 'browse:': expected a metric after ':' (p50, p75, p90, p95, p99, p99.9, min, mean, stddev, max, fail_rate, rps, requests, failed, ok)" },
        { "p95 => 3s", "invalid threshold 'p95 => 3s': bad operator '=>'; use <, <=, >, >= or ==" },
        { "p95 = 3s", "invalid threshold 'p95 = 3s': bad operator '='; use <, <=, >, >= or ==" },
        { "p95 != 3s", "invalid threshold 'p95 != 3s': bad operator '!='; use <, <=, >, >= or ==" },
        { "p95 <> 3s", "invalid threshold 'p95 <> 3s': bad operator '<>'; use <, <=, >, >= or ==" },
        { "p95 3s", "invalid threshold 'p95 3s': expected an operator (<, <=, >, >=, ==) after 'p95', found '3s'" },
        { "p95", "invalid threshold 'p95': expected an operator (<, <=, >, >=, ==) or a regression (+20%) after 'p95'" },
        { "p95 <", "invalid threshold 'p95 <': expected a value after '<'" },
        { ": p95 < 3s", "invalid threshold ': p95 < 3s': empty scope before ':'; write 'scenario: ...' or 'scenario/step: ...', or drop the ':' for the whole run" },
        { "  : p95 < 3s", "invalid threshold '  : p95 < 3s': empty scope before ':'; write 'scenario: ...' or 'scenario/step: ...', or drop the ':' for the whole run" },
        { "browse/: p95 < 3s", "invalid threshold 'browse/: p95 < 3s': empty step name in scope 'browse/'" },
        { "/open_form: p95 < 3s", "invalid threshold '/open_form: p95 < 3s': empty scenario name in scope '/open_form'" },
        { "a/b/c: p95 < 3s", "invalid threshold 'a/b/c: p95 < 3s': scope 'a/b/c' has more than one '/'; write 'scenario' or 'scenario/step'" },
        { "my scenario: p95 < 3s", "invalid threshold 'my scenario: p95 < 3s': scenario name 'my scenario' may only contain letters, digits, '_', '-' and '.'" },
        { "browse/open form: p95 < 3s", "invalid threshold 'browse/open form: p95 < 3s': step name 'open form' may only contain letters, digits, '_', '-' and '.'" },
        { "browse:open_form: p95 < 3s", "invalid threshold 'browse:open_form: p95 < 3s': more than one ':'; write 'scenario/step: ...' (the scope separator is '/')" },
        { "p95 < 3s and p99 < 8s", "invalid threshold 'p95 < 3s and p99 < 8s': unexpected 'and p99 < 8s' after '3s'" },
        { "p95 < 3s;", "invalid threshold 'p95 < 3s;': unexpected ';' after '3s'" },
        { "p95 < -3s", "invalid threshold 'p95 < -3s': a limit cannot be negative" },
        { "failed > -1", "invalid threshold 'failed > -1': a limit cannot be negative" },
        { "p95 < 1.2.3s", "invalid threshold 'p95 < 1.2.3s': malformed number '1.2.3'" },
        { "p95 < .5s", "invalid threshold 'p95 < .5s': malformed number '.5'" },
        { "p95 < 5.s", "invalid threshold 'p95 < 5.s': malformed number '5.'" },
        { "p95 < s", "invalid threshold 'p95 < s': expected a number at 's'" },
        { "fail_rate < 2", "invalid threshold 'fail_rate < 2': a fraction must be between 0 and 1; for 2 percent write 2%" },
        { "fail_rate < 101%", "invalid threshold 'fail_rate < 101%': a percentage cannot exceed 100%" },
        { "fail_rate < 2s", "invalid threshold 'fail_rate < 2s': fail_rate is a share of requests: a percentage (2%) or a fraction (0.02), not 's'" },
        { "rps > 100%", "invalid threshold 'rps > 100%': rps takes a plain number of requests per second, not '%'" },
        { "requests >= 10.5", "invalid threshold 'requests >= 10.5': requests is a count of requests; it needs a whole number" },
        { "failed == 0ms", "invalid threshold 'failed == 0ms': failed is a count of requests and takes no unit, not 'ms'" },
        { "p95 +20", "invalid threshold 'p95 +20': a regression allowance is a percentage of the baseline, e.g. 'p95 +20%'" },
        { "p95 +20ms", "invalid threshold 'p95 +20ms': a regression allowance is a percentage of the baseline, e.g. 'p95 +20%'" },
        { "p95 -20%", "invalid threshold 'p95 -20%': a higher p95 is the regression; write the allowed increase, e.g. 'p95 +20%'" },
        { "rps +10%", "invalid threshold 'rps +10%': a lower rps is the regression; write the allowed decrease, e.g. 'rps -10%'" },
        { "rps -120%", "invalid threshold 'rps -120%': a decrease cannot exceed 100%" },
        { "p95 +20% extra", "invalid threshold 'p95 +20% extra': unexpected 'extra' after '+20%'" },
        { "", "invalid threshold '': it is empty; expected e.g. 'p95 < 3s' or 'browse: fail_rate < 2%'" },
        { "   ", "invalid threshold '   ': it is empty; expected e.g. 'p95 < 3s' or 'browse: fail_rate < 2%'" },
        { "p95 <\n3", "invalid threshold 'p95 < 3': a latency needs a unit (ms, s or m)" },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public void Rejects_malformed_expressions_with_one_clear_line(string expression, string message)
    {
        var error = Assert.Throws<ThresholdSyntaxException>(() => ThresholdParser.Parse(expression));

        Assert.Equal(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(expression, error.Expression);
    }

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public void TryParse_reports_the_same_error_without_throwing(string expression, string message)
    {
        Assert.False(ThresholdParser.TryParse(expression, out var threshold, out var error));
        Assert.Null(threshold);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void TryParse_of_null_is_an_error_not_a_crash()
    {
        Assert.False(ThresholdParser.TryParse(null, out _, out var error));
        Assert.StartsWith("invalid threshold '': it is empty", error.Message);
    }

    [Fact]
    public void TryParse_returns_the_threshold_on_success()
    {
        Assert.True(ThresholdParser.TryParse("rps > 100", out var threshold, out var error));
        Assert.Null(error);
        Assert.Equal(new LimitThreshold(ThresholdScope.Run, ThresholdMetric.Rps, ComparisonOperator.Greater, 100, "100"), threshold);
    }

    [Fact]
    public void ParseAll_stops_at_the_first_malformed_expression()
    {
        var error = Assert.Throws<ThresholdSyntaxException>(() => ThresholdParser.ParseAll(["p95 < 3s", "p99 < 8", "bogus"]));
        Assert.Equal("invalid threshold 'p99 < 8': a latency needs a unit (ms, s or m)", error.Message);
    }

    [Theory]
    [InlineData("p95 < 3s", "p95 < 3s")]
    [InlineData("  browse / open_form :P95<3 S", "browse/open_form: p95 < 3s")]
    [InlineData("browse: FAIL_RATE<0.02", "browse: fail_rate < 0.02")]
    [InlineData("p999 +20%", "p99.9 +20%")]
    [InlineData("rps - 10 %", "rps -10%")]
    public void Writes_a_parsed_threshold_back_in_normal_form(string expression, string written)
    {
        Assert.Equal(written, ThresholdParser.Parse(expression).ToString());
    }

    [Theory]
    [InlineData(3_000, "p95 < 3s")]
    [InlineData(120_000, "p95 < 2m")]
    [InlineData(250, "p95 < 250ms")]
    [InlineData(1_500, "p95 < 1500ms")]
    public void A_threshold_built_in_code_is_written_as_a_tester_would(double limitMs, string written)
    {
        var threshold = new LimitThreshold(ThresholdScope.Run, ThresholdMetric.P95, ComparisonOperator.Less, limitMs);
        Assert.Equal(written, threshold.ToString());
        Assert.Equal(threshold, ThresholdParser.Parse(written));
    }

    [Fact]
    public void A_step_scope_without_a_scenario_is_refused_in_code()
    {
        Assert.Throws<ArgumentException>(() => new ThresholdScope(null, "open_form"));
    }
}

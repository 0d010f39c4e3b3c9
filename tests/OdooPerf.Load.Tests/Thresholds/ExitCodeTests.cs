using OdooPerf.Load.Thresholds;
using Xunit;

namespace OdooPerf.Load.Tests.Thresholds;

public class ExitCodeTests
{
    [Fact]
    public void The_exit_codes_are_the_documented_contract()
    {
        // Written out by hand: CI pipelines script against these numbers.
        Assert.Equal(0, ExitCodes.Success);
        Assert.Equal(1, ExitCodes.ThresholdFailed);
        Assert.Equal(2, ExitCodes.BadUsage);
        Assert.Equal(3, ExitCodes.CouldNotStart);
    }

    [Theory]
    [InlineData(new[] { "p95 < 3s", "fail_rate <= 2%", "rps >= 100" }, 0)]
    [InlineData(new[] { "p95 < 3s", "fail_rate < 2%", "rps >= 100" }, 1)]
    [InlineData(new[] { "p95 < 2s", "fail_rate < 2%", "rps > 100" }, 1)]
    [InlineData(new[] { "brwose: failed == 0" }, 1)]
    [InlineData(new string[0], 0)]
    public void All_passing_maps_to_0_and_any_failure_to_1(string[] expressions, int exitCode)
    {
        var result = ThresholdEvaluator.Evaluate(ThresholdParser.ParseAll(expressions), TestSnapshots.Run());

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(exitCode == 0, result.AllPassed);
    }

    [Fact]
    public void A_malformed_threshold_is_a_format_error_the_command_line_maps_to_bad_usage()
    {
        // The command line catches this type and exits with ExitCodes.BadUsage; it must be a FormatException.
        Assert.IsAssignableFrom<FormatException>(Assert.Throws<ThresholdSyntaxException>(() => ThresholdParser.Parse("p95 < 3")));
    }
}

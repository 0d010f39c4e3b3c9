using OdooPerf.Load.Thresholds;
using Xunit;

namespace OdooPerf.Load.Tests.Thresholds;

public class ThresholdParserRobustnessTests
{
    [Fact]
    public void Random_input_yields_a_threshold_or_a_one_line_syntax_error_and_nothing_else()
    {
        // Built from the characters the grammar cares about, so many inputs get deep into the reader.
        const string alphabet = "p95.9<>=!+-%:/ msMbrowse_fail_ratep99rps0123\t\n";
        var random = new Random(20261123);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);

            try
            {
                ThresholdParser.Parse(text);
            }
            catch (ThresholdSyntaxException error)
            {
                Assert.StartsWith("invalid threshold '", error.Message);
                Assert.DoesNotContain('\n', error.Message);
                Assert.DoesNotContain("cannot be read", error.Message); // the reader's own safety net never fires
            }
        }
    }

    [Theory]
    [InlineData("p95<3s")]
    [InlineData("a/b:p95+1%")]
    [InlineData("rps>0")]
    public void Every_prefix_of_a_valid_expression_parses_or_fails_cleanly(string expression)
    {
        for (var length = 0; length <= expression.Length; length++)
        {
            var prefix = expression[..length];
            var ok = ThresholdParser.TryParse(prefix, out var threshold, out var error);
            Assert.True(ok ? threshold is not null && error is null : threshold is null && error is not null, prefix);
        }
        Assert.True(ThresholdParser.TryParse(expression, out _, out _));
    }
}

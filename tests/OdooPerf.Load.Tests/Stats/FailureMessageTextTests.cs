using OdooPerf.Load.Stats;
using Xunit;

namespace OdooPerf.Load.Tests.Stats;

/// <summary>How a failure's message is stored (one line, bounded) and when two messages count as one.</summary>
public sealed class FailureMessageTextTests
{
    [Theory]
    [InlineData("Order 41 is locked", "Order 42 is locked")]
    [InlineData("Invoice INV/2026/00017 for 1,250.00 EUR", "Invoice INV/2025/3 for 9,999.50 EUR")]
    [InlineData("The operation cannot be completed:\n- Record 7", "The operation cannot be completed: - Record 1234")]
    [InlineData("  leading and trailing  ", "leading\tand\r\ntrailing")]
    public void Messages_that_differ_only_in_numbers_or_spacing_are_one(string a, string b)
    {
        Assert.True(FailureMessageText.SameMessage(a, b, 300));
        Assert.Equal(FailureMessageText.HashOf(a, 300), FailureMessageText.HashOf(b, 300));
    }

    [Theory]
    [InlineData("Order 41 is locked", "Order 41 is lost")]
    [InlineData("Order 41 is locked", "Order 41 is locked!")]
    [InlineData("Order 41", "Order  ")]
    [InlineData("Order 41", "Order #")]
    [InlineData("no space", "nospace")]
    public void Messages_that_differ_in_words_are_not(string a, string b) =>
        Assert.False(FailureMessageText.SameMessage(a, b, 300));

    [Fact]
    public void Only_the_first_characters_up_to_the_limit_are_compared()
    {
        var start = new string('x', 40);

        Assert.True(FailureMessageText.SameMessage(start + " first ending", start + " other ending", 40));
        Assert.False(FailureMessageText.SameMessage(start + " first ending", start + " other ending", 60));
    }

    [Fact]
    public void A_stored_message_is_one_line_with_single_spaces()
    {
        Assert.Equal("The operation cannot be completed: - Record 7 is locked", FailureMessageText.Clean(
            "\n  The operation cannot be completed:\r\n\t- Record 7\u0000 is locked  \n", 300));
    }

    [Fact]
    public void A_long_message_is_cut_to_the_limit_ending_in_an_ellipsis()
    {
        var cleaned = FailureMessageText.Clean(string.Concat(Enumerable.Repeat("word ", 200)), 300);

        Assert.Equal(300, cleaned.Length);
        Assert.EndsWith("word…", cleaned, StringComparison.Ordinal);
        Assert.Equal(new string('a', 300), FailureMessageText.Clean(new string('a', 300), 300));
        Assert.Equal(new string('a', 299) + "…", FailureMessageText.Clean(new string('a', 301), 300));
    }

    [Fact]
    public void The_redactor_runs_before_the_cut_so_no_half_secret_is_left()
    {
        var message = new string('x', 280) + " password=Sup3r-Secret-Value";

        var cleaned = FailureMessageText.Clean(message, 300, text => text.Replace("Sup3r-Secret-Value", "***", StringComparison.Ordinal));

        Assert.EndsWith(" password=***", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3r", cleaned, StringComparison.Ordinal);
    }
}

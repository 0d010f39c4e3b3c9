namespace OdooPerf.Odoo.Logs;

/// <summary>Numbers as Odoo prints them (<c>%d</c>, <c>%.3f</c>), parsed from ASCII digits by hand: no culture, no allocation.</summary>
internal static class AsciiNumber
{
    // Enough for 18 significant digits, more than any "%.3f" duration or "%d" count Odoo writes.
    private static readonly double[] PowersOfTen =
        [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18];

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>Unsigned decimal integer of 1 to 9 digits (so it always fits an int).</summary>
    public static bool TryParseInt(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 9)
        {
            return false;
        }

        var result = 0;
        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            result = (result * 10) + (int)digit;
        }

        value = result;
        return true;
    }

    /// <summary><c>[-]DIGITS[.DIGITS]</c>, at most 18 digits in all.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out double value)
    {
        // Odoo writes "%.3f": one to three digits, a dot, three digits. Read that shape without the loop.
        if (text.Length is >= 5 and <= 7 && text[^4] == (byte)'.')
        {
            uint f0 = (uint)(text[^3] - '0'), f1 = (uint)(text[^2] - '0'), f2 = (uint)(text[^1] - '0');
            if (((f0 > 9) | (f1 > 9) | (f2 > 9)) == false && TryParseInt(text[..^4], out var whole))
            {
                value = ((whole * 1000) + (f0 * 100) + (f1 * 10) + f2) / 1000.0;
                return true;
            }
        }

        value = 0;
        var negative = !text.IsEmpty && text[0] == (byte)'-';
        if (negative)
        {
            text = text[1..];
        }

        long mantissa = 0;
        var digits = 0;
        var fractionDigits = -1;
        foreach (var b in text)
        {
            if (b == (byte)'.' && fractionDigits < 0 && digits > 0)
            {
                fractionDigits = 0;
                continue;
            }

            var digit = (uint)(b - '0');
            if (digit > 9 || ++digits > 18)
            {
                return false;
            }

            mantissa = (mantissa * 10) + digit;
            if (fractionDigits >= 0)
            {
                fractionDigits++;
            }
        }

        if (digits == 0 || fractionDigits == 0)
        {
            return false;
        }

        // One correctly rounded division of two exact integers: "0.031" becomes exactly the double 0.031.
        var result = fractionDigits > 0 ? mantissa / PowersOfTen[fractionDigits] : mantissa;
        value = negative ? -result : result;
        return true;
    }
}

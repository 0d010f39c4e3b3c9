using System.Runtime.InteropServices;

namespace OdooPerf.Odoo.Logs;

/// <summary>
/// Odoo's <c>asctime</c>, <c>YYYY-MM-DD HH:MM:SS,mmm</c> (server local time), read digit by digit. The day's ticks are cached
/// because consecutive lines almost always share their date.
/// </summary>
internal sealed class OdooTimestampParser
{
    /// <summary>Length of <c>YYYY-MM-DD HH:MM:SS,mmm</c>.</summary>
    public const int Length = 23;

    private int _cachedDate = -1;
    private long _cachedDateTicks;

    // The bytes "YYYY-MM-" and "DD" of the last line parsed whole: they stand for _cachedDate.
    private ulong _cachedYearMonthBytes;
    private ushort _cachedDayBytes;

    /// <summary>Year of the last full timestamp read (Odoo's or a prefix's): BSD syslog prefixes print none, so theirs is taken from here.</summary>
    public int LastYear { get; private set; } = DateTime.Today.Year;

    /// <summary>True when the text starts with <c>YYYY-MM-DD</c> followed by a space or nothing: where an Odoo line begins.</summary>
    public static bool StartsWithDate(ReadOnlySpan<byte> text) =>
        text.Length >= 10
        && AsciiNumber.IsDigit(text[0]) && AsciiNumber.IsDigit(text[1]) && AsciiNumber.IsDigit(text[2]) && AsciiNumber.IsDigit(text[3])
        && text[4] == (byte)'-' && AsciiNumber.IsDigit(text[5]) && AsciiNumber.IsDigit(text[6])
        && text[7] == (byte)'-' && AsciiNumber.IsDigit(text[8]) && AsciiNumber.IsDigit(text[9])
        && (text.Length == 10 || text[10] == (byte)' ');

    /// <summary>Parses the first <see cref="Length"/> bytes of <paramref name="text"/>.</summary>
    public bool TryParse(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text.Length < Length
            || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)' '
            || text[13] != (byte)':' || text[16] != (byte)':' || text[19] is not ((byte)',' or (byte)'.'))
        {
            return false;
        }

        // Same date bytes as the previous line: only the time of day is left to read.
        var yearMonth = MemoryMarshal.Read<ulong>(text);
        var dayOfMonth = MemoryMarshal.Read<ushort>(text[8..]);
        if (yearMonth == _cachedYearMonthBytes && dayOfMonth == _cachedDayBytes && _cachedDate >= 0)
        {
            return TryTimeOfDay(text, _cachedDateTicks, out ticks);
        }

        uint y0 = (uint)(text[0] - '0'), y1 = (uint)(text[1] - '0'), y2 = (uint)(text[2] - '0'), y3 = (uint)(text[3] - '0');
        uint mo0 = (uint)(text[5] - '0'), mo1 = (uint)(text[6] - '0'), d0 = (uint)(text[8] - '0'), d1 = (uint)(text[9] - '0');
        uint h0 = (uint)(text[11] - '0'), h1 = (uint)(text[12] - '0'), mi0 = (uint)(text[14] - '0'), mi1 = (uint)(text[15] - '0');
        uint s0 = (uint)(text[17] - '0'), s1 = (uint)(text[18] - '0');
        uint ms0 = (uint)(text[20] - '0'), ms1 = (uint)(text[21] - '0'), ms2 = (uint)(text[22] - '0');
        // Non-short-circuit on purpose: one branch for seventeen digits.
        if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (mo0 > 9) | (mo1 > 9) | (d0 > 9) | (d1 > 9) | (h0 > 9) | (h1 > 9)
            | (mi0 > 9) | (mi1 > 9) | (s0 > 9) | (s1 > 9) | (ms0 > 9) | (ms1 > 9) | (ms2 > 9))
        {
            return false;
        }

        if (!TryMakeTicks(
            (int)((y0 * 1000) + (y1 * 100) + (y2 * 10) + y3), (int)((mo0 * 10) + mo1), (int)((d0 * 10) + d1),
            (int)((h0 * 10) + h1), (int)((mi0 * 10) + mi1), (int)((s0 * 10) + s1), (int)((ms0 * 100) + (ms1 * 10) + ms2), out ticks))
        {
            return false;
        }

        _cachedYearMonthBytes = yearMonth;
        _cachedDayBytes = dayOfMonth;
        return true;
    }

    private static bool TryTimeOfDay(ReadOnlySpan<byte> text, long dateTicks, out long ticks)
    {
        ticks = 0;
        uint h0 = (uint)(text[11] - '0'), h1 = (uint)(text[12] - '0'), mi0 = (uint)(text[14] - '0'), mi1 = (uint)(text[15] - '0');
        uint s0 = (uint)(text[17] - '0'), s1 = (uint)(text[18] - '0');
        uint ms0 = (uint)(text[20] - '0'), ms1 = (uint)(text[21] - '0'), ms2 = (uint)(text[22] - '0');
        var hour = (h0 * 10) + h1;
        var minute = (mi0 * 10) + mi1;
        var second = (s0 * 10) + s1;
        if ((h0 > 9) | (h1 > 9) | (mi0 > 9) | (mi1 > 9) | (s0 > 9) | (s1 > 9) | (ms0 > 9) | (ms1 > 9) | (ms2 > 9)
            | (hour > 23) | (minute > 59) | (second > 59))
        {
            return false;
        }

        ticks = dateTicks + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute)
            + (second * TimeSpan.TicksPerSecond) + (((ms0 * 100) + (ms1 * 10) + ms2) * TimeSpan.TicksPerMillisecond);
        return true;
    }

    /// <summary>Ticks of a local wall-clock time, or false when a field is out of range (DateTime would throw).</summary>
    public bool TryMakeTicks(int year, int month, int day, int hour, int minute, int second, int millisecond, out long ticks)
    {
        ticks = 0;
        if ((uint)hour > 23 || (uint)minute > 59 || (uint)second > 59 || (uint)millisecond > 999)
        {
            return false;
        }

        // Consecutive lines share their date: check and convert it only when it changes.
        var date = (year * 10000) + (month * 100) + day;
        if (date != _cachedDate)
        {
            if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            _cachedDateTicks = new DateTime(year, month, day).Ticks;
            _cachedYearMonthBytes = 0; // set again by TryParse when the date came from an Odoo timestamp
            _cachedDayBytes = 0;
            _cachedDate = date;
            LastYear = year;
        }

        ticks = _cachedDateTicks + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute)
            + (second * TimeSpan.TicksPerSecond) + (millisecond * TimeSpan.TicksPerMillisecond);
        return true;
    }
}

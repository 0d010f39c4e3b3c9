using System.Globalization;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// The journalctl command line that follows one unit's log as JSON. Facts it relies on (systemd 252):
/// <list type="bullet">
/// <item><c>--follow</c> implies <c>--lines=10</c>, even with <c>--after-cursor</c>, so every start says how
/// many old entries it wants: all after the cursor, all (<c>--lines=all</c>), or none (<c>--lines=0</c>).</item>
/// <item><c>--output=json</c> writes fields over 4 KiB as null unless <c>--all</c> is given.</item>
/// <item><c>--output-fields=MESSAGE</c> leaves only MESSAGE and the cursor, timestamps and boot id.</item>
/// <item>The match <c>_SYSTEMD_UNIT=</c> selects what the unit's processes wrote. <c>--unit</c> would also
/// bring systemd's own messages about the unit ("Started …", "Consumed … CPU time"), which are not Odoo log
/// lines and would only be counted as unparsed.</item>
/// </list>
/// </summary>
public static class JournalctlArguments
{
    private static readonly string[] UnitSuffixes =
        [".service", ".socket", ".target", ".device", ".mount", ".automount", ".swap", ".timer", ".path", ".slice", ".scope"];

    /// <summary>The unit's full name: <c>odoo</c> means <c>odoo.service</c>, as journalctl and systemctl take it.</summary>
    public static string UnitName(string unit)
    {
        foreach (var suffix in UnitSuffixes)
        {
            if (unit.EndsWith(suffix, StringComparison.Ordinal))
            {
                return unit;
            }
        }

        return unit + ".service";
    }

    /// <param name="cursor">Continue after this entry.</param>
    /// <param name="since">Without a cursor: entries from this time on (journalctl restarted before a first entry arrived).</param>
    /// <param name="fromStart">Without a cursor or a time: the whole journal, or else only new entries.</param>
    public static List<string> Build(string unit, string? directory, string? cursor, DateTimeOffset? since, bool fromStart)
    {
        List<string> arguments = ["--follow", "--output=json", "--output-fields=MESSAGE", "--all", "--quiet", "--no-pager"];
        if (!string.IsNullOrEmpty(directory))
        {
            arguments.Add($"--directory={directory}");
        }

        if (cursor is not null)
        {
            arguments.Add($"--after-cursor={cursor}");
            arguments.Add("--lines=all");
        }
        else if (since is { } time)
        {
            // Microseconds, as the journal's timestamps: whole seconds would take in entries from before the start.
            var microseconds = (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
            arguments.Add(string.Create(CultureInfo.InvariantCulture, $"--since=@{microseconds / 1_000_000}.{microseconds % 1_000_000:D6}"));
            arguments.Add("--lines=all");
        }
        else
        {
            arguments.Add(fromStart ? "--lines=all" : "--lines=0");
        }

        arguments.Add($"_SYSTEMD_UNIT={UnitName(unit)}");
        return arguments;
    }
}

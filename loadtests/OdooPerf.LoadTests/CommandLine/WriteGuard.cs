using System.CommandLine;
using System.Text.RegularExpressions;

namespace OdooPerf.LoadTests.CommandLine;

/// <summary>
/// What every command that writes to an Odoo database must pass: <c>--allow-writes</c> given, and a database name
/// that matches no <c>--protect</c> pattern (shell-style, case-insensitive; default <c>*prod*</c>), so a load test
/// never fills a production database with quotations by a slip of the <c>--db</c>.
/// </summary>
internal sealed class WriteGuard
{
    public const string DefaultProtectPattern = "*prod*";

    public Option<bool> AllowWrites { get; } = new("--allow-writes")
    {
        Description = "Required before anything is written to the database (orders, invoices, partners, stock moves)",
    };

    public Option<string[]> Protect { get; } = new("--protect")
    {
        Description = $"Refuse to write to a database whose name matches this pattern (* and ?, case-insensitive), repeatable (default {DefaultProtectPattern})",
        HelpName = "PATTERN",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Add(AllowWrites);
        command.Add(Protect);
    }

    /// <summary>Checks a command that will write to <paramref name="database"/>; <paramref name="what"/> says what it writes.</summary>
    /// <exception cref="UsageException">Writes are not allowed, or the database is protected.</exception>
    public void Check(ParseResult parse, string database, string what)
    {
        if (!parse.GetValue(AllowWrites))
        {
            throw new UsageException($"this writes to database '{database}' ({what}): add --allow-writes if that is what you want (never on production)");
        }

        var patterns = parse.GetValue(Protect) is { Length: > 0 } given ? given : [DefaultProtectPattern];
        if (patterns.FirstOrDefault(p => Matches(p, database)) is { } pattern)
        {
            throw new UsageException($"refusing to write to database '{database}': its name matches the protected pattern '{pattern}' (--protect)");
        }
    }

    public static bool Matches(string pattern, string name)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(name, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}

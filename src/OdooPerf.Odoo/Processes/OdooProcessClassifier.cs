namespace OdooPerf.Odoo.Processes;

/// <summary>
/// Recognises Odoo server processes from their command line and tells their role.
/// </summary>
/// <remarks>
/// What Odoo does (<c>odoo/service/server.py</c>, versions 12 to 19): the prefork master forks
/// <c>WorkerHTTP</c> and <c>WorkerCron</c> children which, when the <c>setproctitle</c> module is
/// installed, rename themselves <c>odoo: WorkerHTTP PID </c>; without it they keep the master's command
/// line. The longpolling/websocket server is a separate process started as
/// <c>python odoo-bin gevent ARGS</c>.
/// </remarks>
public sealed class OdooProcessClassifier
{
    /// <summary>Script names that start an Odoo server in packages, source checkouts and old versions.</summary>
    public static readonly IReadOnlyList<string> DefaultExecutableNames = ["odoo-bin", "odoo", "openerp-server", "odoo.py"];

    private const string ProcessTitlePrefix = "odoo: ";

    // Odoo subcommands that run a server; others (shell, scaffold, db, populate, ...) are one-off tools.
    private static readonly HashSet<string> ServerCommands = new(StringComparer.Ordinal) { "server", "start", "gevent" };

    private readonly HashSet<string> _executableNames;

    public OdooProcessClassifier(IEnumerable<string>? executableNames = null)
    {
        _executableNames = new HashSet<string>(executableNames ?? DefaultExecutableNames, StringComparer.Ordinal);
    }

    /// <summary>
    /// The role of the process with command line <paramref name="argv"/>, or null when it is not an Odoo
    /// server. <paramref name="parentIsOdoo"/> says whether its parent is itself an Odoo server process.
    /// </summary>
    public OdooProcessRole? Classify(IReadOnlyList<string> argv, bool parentIsOdoo)
    {
        if (argv.Count == 0)
        {
            return null;
        }

        if (argv[0].StartsWith(ProcessTitlePrefix, StringComparison.Ordinal))
        {
            return RoleFromTitle(argv[0].AsSpan(ProcessTitlePrefix.Length));
        }

        var script = ScriptIndex(argv);
        if (script < 0)
        {
            return null;
        }

        var command = CommandOf(argv, script + 1);
        if (!ServerCommands.Contains(command))
        {
            return null;
        }

        if (command == "gevent")
        {
            return OdooProcessRole.Gevent;
        }

        return parentIsOdoo ? OdooProcessRole.Worker : OdooProcessRole.Main;
    }

    /// <summary>True when <paramref name="argv"/> looks like an Odoo server, whatever its role.</summary>
    public bool IsOdoo(IReadOnlyList<string> argv) => Classify(argv, parentIsOdoo: false) is not null;

    // The subcommand as odoo/cli/command.py main() finds it: the first argument unless it is an option,
    // except that one leading --addons-path=... may come before it (so that commands of addons are found).
    private static string CommandOf(IReadOnlyList<string> argv, int first)
    {
        if (first + 1 < argv.Count && argv[first].StartsWith("--addons-path=", StringComparison.Ordinal) && !argv[first + 1].StartsWith('-'))
        {
            first++;
        }

        return first < argv.Count && !argv[first].StartsWith('-') ? argv[first] : "server";
    }

    private static OdooProcessRole RoleFromTitle(ReadOnlySpan<char> title)
    {
        if (title.StartsWith("WorkerHTTP", StringComparison.Ordinal))
        {
            return OdooProcessRole.Http;
        }

        if (title.StartsWith("WorkerCron", StringComparison.Ordinal))
        {
            return OdooProcessRole.Cron;
        }

        return OdooProcessRole.Worker;
    }

    // Index of the Odoo script in argv: argv[0] itself ("/usr/bin/odoo ..."), or the first argument of a
    // Python interpreter ("python3 -u odoo-bin ...", "python3 -m odoo ..."). -1 when there is none.
    private int ScriptIndex(IReadOnlyList<string> argv)
    {
        if (IsOdooName(argv[0]))
        {
            return 0;
        }

        if (!Path.GetFileName(argv[0]).StartsWith("python", StringComparison.Ordinal))
        {
            return -1;
        }

        for (var i = 1; i < argv.Count; i++)
        {
            if (argv[i] is "-W" or "-X")
            {
                i++; // these interpreter options take a value
                continue;
            }

            if (argv[i] == "-m")
            {
                return i + 1 < argv.Count && IsOdooName(argv[i + 1]) ? i + 1 : -1;
            }

            if (!argv[i].StartsWith('-'))
            {
                return IsOdooName(argv[i]) ? i : -1;
            }
        }

        return -1;
    }

    private bool IsOdooName(string path) => _executableNames.Contains(Path.GetFileName(path));
}

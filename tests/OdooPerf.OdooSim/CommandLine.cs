using System.Globalization;

namespace OdooPerf.OdooSim;

/// <summary>
/// The executable's arguments: <c>--pg CONNSTRING</c> (or <c>ODOOSIM_PG</c>) and options; secrets come from
/// files or the environment, never from a flag value <c>ps</c> shows.
/// </summary>
internal static class CommandLine
{
    /// <summary><c>--pg throwaway</c>: a PostgreSQL cluster of the simulator's own (Debian's postgresql package), removed on exit.</summary>
    public const string ThrowawayPostgres = "throwaway";

    public const string Usage = """
        usage: odoosim --pg CONNSTRING|throwaway [--port 8069] [--log FILE] [--version 17.0] [--db NAME]
                       [--admin-login admin] [--admin-password-file FILE] [--api-key-file FILE]
                       [--apps sale_management,stock,purchase,account,crm] [--users N] [--customers N] [--vendors N] [--products N]
                       [--latency 100ms] [--latency-random 50ms-300ms] [--spike-every 60s --spike-duration 5s --spike-latency 2s]
                       [--error-rate 0.05] [--error-kind user|server|500] [--pg-sleep 200ms]
                       [--no-sms-wizard] [--multi-db] [--strict-fields] [--session-idle 30m] [--max-connections 32]
        The admin password is read from --admin-password-file, else ODOOSIM_ADMIN_PASSWORD, else "admin".
        The connection string may come from ODOOSIM_PG instead of --pg. --pg throwaway starts a PostgreSQL cluster of its
        own (initdb on a free port; Debian's postgresql package), with the database --db (default sim), removed on exit.
        GET /__sim/stats answers the counters; POST /__sim/expire_sessions ends every session.
        """;

    public static OdooSimulatorOptions Parse(string[] args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string[] valueOptions =
        [
            "--pg", "--port", "--log", "--version", "--db", "--admin-login", "--admin-password-file", "--api-key-file", "--apps", "--users", "--customers", "--vendors",
            "--products", "--latency", "--latency-random", "--spike-every", "--spike-duration", "--spike-latency", "--error-rate", "--error-kind", "--pg-sleep",
            "--session-idle", "--max-connections",
        ];
        string[] flagOptions = ["--no-sms-wizard", "--multi-db", "--strict-fields"];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (flagOptions.Contains(name))
            {
                flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                values[name] = equals > 0 ? arg[(equals + 1)..] : ++i < args.Length ? args[i] : throw new FormatException($"{name} needs a value");
            }
            else
            {
                throw new FormatException($"unknown argument '{arg}'");
            }
        }

        var connection = values.GetValueOrDefault("--pg") ?? environment("ODOOSIM_PG") ?? throw new FormatException("--pg CONNSTRING (or ODOOSIM_PG) is required");
        var password = values.TryGetValue("--admin-password-file", out var passwordFile) ? ReadSecret(passwordFile) : environment("ODOOSIM_ADMIN_PASSWORD") ?? "admin";
        var (randomMin, randomMax) = values.TryGetValue("--latency-random", out var range) ? Range(range) : (TimeSpan.Zero, TimeSpan.Zero);
        var faults = new FaultSettings
        {
            FixedLatency = Duration(values, "--latency"),
            RandomLatencyMin = randomMin,
            RandomLatencyMax = randomMax,
            SpikeEvery = Duration(values, "--spike-every"),
            SpikeDuration = Duration(values, "--spike-duration"),
            SpikeLatency = Duration(values, "--spike-latency"),
            ErrorRate = values.TryGetValue("--error-rate", out var rate) ? double.Parse(rate, NumberStyles.Float, CultureInfo.InvariantCulture) : 0,
            ErrorKind = values.GetValueOrDefault("--error-kind", "user") switch
            {
                "user" => FaultErrorKind.UserError,
                "server" => FaultErrorKind.ServerError,
                "500" => FaultErrorKind.HttpInternalServerError,
                var other => throw new FormatException($"--error-kind must be user, server or 500, not '{other}'"),
            },
            PostgresSleep = Duration(values, "--pg-sleep"),
        };
        return new OdooSimulatorOptions
        {
            ConnectionString = connection,
            Port = Int(values, "--port", 8069),
            LogFile = values.GetValueOrDefault("--log"),
            LogToStandardOutput = !values.ContainsKey("--log"),
            Version = values.GetValueOrDefault("--version", "17.0"),
            DatabaseName = values.GetValueOrDefault("--db"),
            AdminLogin = values.GetValueOrDefault("--admin-login", "admin"),
            AdminPassword = password,
            ApiKey = values.TryGetValue("--api-key-file", out var keyFile) ? ReadSecret(keyFile) : environment("ODOOSIM_API_KEY"),
            InstalledApps = values.TryGetValue("--apps", out var apps) ? apps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : Orm.ModuleGraph.DefaultApps,
            ExtraUsers = Int(values, "--users", 0),
            Customers = Int(values, "--customers", 12),
            Vendors = Int(values, "--vendors", 4),
            Products = Int(values, "--products", 10),
            StockSmsWizard = !flags.Contains("--no-sms-wizard"),
            MultiDatabase = flags.Contains("--multi-db"),
            StrictFields = flags.Contains("--strict-fields"),
            SessionIdleTimeout = values.ContainsKey("--session-idle") ? Duration(values, "--session-idle") : TimeSpan.FromMinutes(30),
            MaxConnections = Int(values, "--max-connections", 32),
            Faults = faults,
        };
    }

    /// <summary><c>250ms</c>, <c>2s</c>, <c>5m</c>, <c>1h</c>, or a number of seconds.</summary>
    public static TimeSpan Duration(string text)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * unit)
            : throw new FormatException($"'{text}' is not a duration (e.g. 250ms, 2s, 5m)");
    }

    private static TimeSpan Duration(Dictionary<string, string> values, string name) => values.TryGetValue(name, out var text) ? Duration(text) : TimeSpan.Zero;

    private static (TimeSpan, TimeSpan) Range(string text)
    {
        var parts = text.Split('-', 2);
        return parts.Length == 2 ? (Duration(parts[0]), Duration(parts[1])) : throw new FormatException($"'{text}' is not a range (e.g. 50ms-300ms)");
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new FormatException($"{name} must be an integer, not '{text}'");

    private static string ReadSecret(string path) =>
        File.Exists(path) ? File.ReadAllText(path).Trim() : throw new FormatException($"secret file '{path}' does not exist");
}

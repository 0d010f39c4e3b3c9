namespace OdooPerf.Benchmarks;

/// <summary>
/// The <c>Environment=</c> settings of the shipped systemd unit, so that the soak measures the daemon
/// as it runs in production (the runtime's GC and JIT settings live there).
/// </summary>
internal static class UnitEnvironment
{
    public const string UnitPath = "deploy/systemd/odooperf-collector.service";

    /// <summary>The unit's variables; empty when the repository (and so the unit) cannot be found.</summary>
    public static Dictionary<string, string?> Read()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        var unit = FindUnit();
        if (unit is null)
        {
            return variables;
        }

        foreach (var line in File.ReadLines(unit))
        {
            if (!line.StartsWith("Environment=", StringComparison.Ordinal))
            {
                continue;
            }

            // One NAME=VALUE per line in our unit; quoting is not used.
            var assignment = line["Environment=".Length..].Trim();
            var eq = assignment.IndexOf('=');
            if (eq > 0)
            {
                variables[assignment[..eq]] = assignment[(eq + 1)..];
            }
        }

        return variables;
    }

    private static string? FindUnit()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Join(directory.FullName, UnitPath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

using Xunit;

namespace OdooPerf.Testing;

/// <summary>
/// Programs from Debian packages that tests run for real (promtool, node_exporter, PostgreSQL). A test
/// that needs one and does not find it fails, saying what to install; it is never skipped.
/// </summary>
public static class ExternalTool
{
    public static readonly ToolSpec Promtool = new("promtool", "prometheus", ["/usr/bin/promtool"]);

    /// <summary>The Prometheus server itself, from the same Debian package as promtool.</summary>
    public static readonly ToolSpec Prometheus = new("prometheus", "prometheus", ["/usr/bin/prometheus"]);

    public static readonly ToolSpec NodeExporter = new("prometheus-node-exporter", "prometheus-node-exporter", ["/usr/bin/prometheus-node-exporter", "/usr/local/bin/node_exporter"]);

    public static readonly ToolSpec Python3 = new("python3", "python3", ["/usr/bin/python3"]);

    /// <summary>Headless Chromium, to render the HTML log report and screenshot it.</summary>
    public static readonly ToolSpec Chromium = new("chromium", "chromium", ["/usr/bin/chromium"]);

    public static readonly ToolSpec Journalctl = new("journalctl", "systemd", ["/usr/bin/journalctl", "/bin/journalctl"]);

    // Not on PATH: Debian installs it among systemd's internal programs.
    public static readonly ToolSpec SystemdJournalRemote = new("systemd-journal-remote", "systemd-journal-remote", ["/lib/systemd/systemd-journal-remote", "/usr/lib/systemd/systemd-journal-remote"]);

    /// <summary>The full path of <paramref name="tool"/>; fails the test with an install hint when missing.</summary>
    public static string Require(ToolSpec tool)
    {
        var path = Find(tool);
        if (path is null)
        {
            Assert.Fail($"{tool.Command} is not installed: install Debian's '{tool.DebianPackage}' package (apt-get install -y {tool.DebianPackage}), or run ./test.sh which installs it.");
        }

        return path!;
    }

    public static string? Find(ToolSpec tool)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Join(directory, tool.Command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return tool.KnownPaths.FirstOrDefault(File.Exists);
    }
}

/// <summary>An external program: its command name, the Debian package that has it, and where that package puts it.</summary>
public sealed record ToolSpec(string Command, string DebianPackage, string[] KnownPaths);

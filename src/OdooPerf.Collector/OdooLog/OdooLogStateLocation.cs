namespace OdooPerf.Collector.OdooLog;

/// <summary>Where the read positions of the followed logs are kept when <see cref="OdooLogOptions.StateFile"/> is not set.</summary>
public static class OdooLogStateLocation
{
    public const string FileName = "odoo-log-positions.json";

    /// <summary>
    /// systemd's StateDirectory= (it sets STATE_DIRECTORY, possibly a colon-separated list: the first
    /// is ours), else the XDG state directory of the user running the collector.
    /// </summary>
    public static string Resolve(OdooLogOptions options, Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(options.StateFile))
        {
            return Path.GetFullPath(options.StateFile);
        }

        var systemd = environment("STATE_DIRECTORY");
        if (!string.IsNullOrEmpty(systemd))
        {
            return Path.Join(systemd.Split(':')[0], FileName);
        }

        var xdg = environment("XDG_STATE_HOME");
        var stateHome = !string.IsNullOrEmpty(xdg)
            ? xdg
            : Path.Join(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Join(stateHome, "odooperf", FileName);
    }
}

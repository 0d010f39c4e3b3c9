using OdooPerf.Odoo.Processes;

namespace OdooPerf.Collector.Host;

/// <summary>How Odoo server processes are found. Bound from the <c>OdooProcesses</c> configuration section.</summary>
public sealed class OdooProcessesOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>File names of the script that starts Odoo (matched on argv[0], or on a Python interpreter's script).</summary>
    public List<string> ExecutableNames { get; set; } = [.. OdooProcessClassifier.DefaultExecutableNames];
}

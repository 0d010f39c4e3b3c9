using OdooPerf.Odoo.Processes;

namespace OdooPerf.Collector.Host;

/// <summary>How Odoo server processes are found. Bound from the <c>OdooProcesses</c> configuration section.</summary>
public sealed class OdooProcessesOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// File names of the script that starts Odoo (matched on argv[0], or on a Python interpreter's
    /// script). Empty means <see cref="OdooProcessClassifier.DefaultExecutableNames"/>. It starts empty
    /// because the configuration binder appends to a list rather than replacing it: a default filled in
    /// here could never be removed by a config file.
    /// </summary>
    public List<string> ExecutableNames { get; set; } = [];

    public IReadOnlyList<string> EffectiveExecutableNames =>
        ExecutableNames.Count > 0 ? ExecutableNames : OdooProcessClassifier.DefaultExecutableNames;
}

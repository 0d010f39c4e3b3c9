namespace OdooPerf.Collector.Host;

/// <summary>Where the host sources read from. Bound from the <c>Host</c> configuration section.</summary>
public sealed class HostMetricsOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>procfs mount point; a container that bind-mounts the host's /proc elsewhere sets it.</summary>
    public string ProcPath { get; set; } = "/proc";

    /// <summary>Prefix in front of every mount point for statfs, as node_exporter's <c>--path.rootfs</c>.</summary>
    public string RootfsPath { get; set; } = "/";

    /// <summary>How long one statfs may take before its mount is reported as stuck (a hung NFS server).</summary>
    public TimeSpan MountTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

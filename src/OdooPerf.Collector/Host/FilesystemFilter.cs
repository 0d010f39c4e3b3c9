using System.Text.RegularExpressions;

namespace OdooPerf.Collector.Host;

/// <summary>
/// Which mounts are real storage worth reporting: node_exporter's default exclusions of pseudo file
/// systems and of system mount points, so that the same mounts appear in both.
/// </summary>
public static partial class FilesystemFilter
{
    public static bool IsReported(Mount mount) =>
        !ExcludedMountPoints().IsMatch(mount.MountPoint) && !ExcludedFsTypes().IsMatch(mount.FsType);

    [GeneratedRegex("^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)")]
    private static partial Regex ExcludedMountPoints();

    [GeneratedRegex("^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|erofs|sysfs|tracefs)$")]
    private static partial Regex ExcludedFsTypes();
}

using OdooPerf.Collector.Host;
using Xunit;

namespace OdooPerf.Collector.Tests.Host;

public sealed class FilesystemFilterTests
{
    [Fact]
    public void Server_reports_the_real_storage_and_tmpfs_but_no_pseudo_or_container_mounts()
    {
        var mounts = MountTable.Parse(ProcFixture.Read(ProcFixture.Server, "1/mounts"));

        var reported = mounts.Where(FilesystemFilter.IsReported).Select(m => m.MountPoint).ToList();

        Assert.Equal(
            new[]
            {
                "/run", "/", "/run/lock", "/boot/efi", "/var/lib/postgresql", "/mnt/odoo data", "/srv/backups\tweekly",
                "/srv/odoo\\filestore", "/var/lib/odoo/filestore", "/run/user/1000", "/var/lib/docker",
            },
            reported);
    }

    [Theory]
    // Mount points node_exporter leaves out by default.
    [InlineData("/dev", "devtmpfs", false)]
    [InlineData("/dev/shm", "tmpfs", false)]
    [InlineData("/proc", "proc", false)]
    [InlineData("/sys", "sysfs", false)]
    [InlineData("/sys/fs/cgroup", "tmpfs", false)]
    [InlineData("/run/credentials/systemd-sysctl.service", "ramfs", false)]
    [InlineData("/var/lib/docker/volumes/odoo-data/_data", "ext4", false)]
    [InlineData("/var/lib/docker/containers/abc/mounts/shm", "tmpfs", false)]
    [InlineData("/var/lib/containers/storage/overlay", "xfs", false)]
    // File system types node_exporter leaves out by default, wherever they are mounted.
    [InlineData("/srv/merged", "overlay", false)]
    [InlineData("/snap/core20/2318", "squashfs", false)]
    [InlineData("/media/cdrom", "iso9660", false)]
    [InlineData("/cgroup", "cgroup2", false)]
    [InlineData("/cgroup-v1", "cgroup", false)]
    [InlineData("/run/docker/netns/1a2b", "nsfs", false)]
    [InlineData("/proc/sys/fs/binfmt_misc", "autofs", false)]
    // Kept: real file systems, tmpfs, network file systems, and prefixes that merely look alike.
    [InlineData("/", "ext4", true)]
    [InlineData("/run", "tmpfs", true)]
    [InlineData("/var/lib/odoo/filestore", "nfs4", true)]
    [InlineData("/var/lib/docker", "ext4", true)]
    [InlineData("/run/credentials", "tmpfs", true)]
    [InlineData("/devices", "xfs", true)]
    [InlineData("/system", "xfs", true)]
    [InlineData("/srv/proc", "ext4", true)]
    [InlineData("/data", "overlayfs", true)]
    public void Mount_point_and_type_decide(string mountPoint, string fsType, bool reported)
    {
        Assert.Equal(reported, FilesystemFilter.IsReported(new Mount("dev", mountPoint, fsType, "rw")));
    }

    [Fact]
    public void Real_machine_root_is_reported_and_nothing_under_proc_sys_or_dev()
    {
        var text = ProcFixture.Read(ProcFixture.RealMachine, "1/mounts");
        var rootLines = ProcFixture.Lines(text).Count(l => ProcFixture.Fields(l)[1] == "/");

        var reported = MountTable.Parse(text).Where(FilesystemFilter.IsReported).ToList();

        Assert.Equal(rootLines, reported.Count(m => m.MountPoint == "/"));
        Assert.DoesNotContain(reported, m => m.MountPoint is "/proc" or "/sys" or "/dev"
            || m.MountPoint.StartsWith("/proc/", StringComparison.Ordinal)
            || m.MountPoint.StartsWith("/sys/", StringComparison.Ordinal)
            || m.MountPoint.StartsWith("/dev/", StringComparison.Ordinal));
    }
}

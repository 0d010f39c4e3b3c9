using OdooPerf.Collector.Host;
using Xunit;

namespace OdooPerf.Collector.Tests.Host;

public sealed class MountTableTests
{
    private static List<Mount> ParseServer() => MountTable.Parse(ProcFixture.Read(ProcFixture.Server, "1/mounts"));

    [Fact]
    public void Server_has_one_mount_per_line()
    {
        var text = ProcFixture.Read(ProcFixture.Server, "1/mounts");

        Assert.Equal(ProcFixture.Lines(text).Length, MountTable.Parse(text).Count);
    }

    [Theory]
    [InlineData("/mnt/odoo data", "/dev/mapper/vg0-odoo")]
    [InlineData("/srv/backups\tweekly", "/dev/sda1")]
    [InlineData("/srv/odoo\\filestore", "/dev/mapper/vg0-root")]
    [InlineData("/var/lib/odoo/filestore", "nas01:/export/odoo filestore")]
    public void Server_octal_escapes_in_mount_points_and_devices_are_decoded(string mountPoint, string device)
    {
        var mount = Assert.Single(ParseServer(), m => m.MountPoint == mountPoint);

        Assert.Equal(device, mount.Device);
    }

    [Fact]
    public void Server_no_mount_point_keeps_an_escape()
    {
        Assert.All(ParseServer(), m => Assert.DoesNotContain("\\0", m.MountPoint, StringComparison.Ordinal));
    }

    [Fact]
    public void Server_nfs_mount_has_its_type_and_options()
    {
        var nfs = Assert.Single(ParseServer(), m => m.FsType == "nfs4");

        Assert.Equal("/var/lib/odoo/filestore", nfs.MountPoint);
        Assert.StartsWith("rw,relatime,vers=4.2,", nfs.Options, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_docker_overlay_mounts_are_read_whole()
    {
        var overlays = ParseServer().Where(m => m.FsType == "overlay").ToList();

        Assert.Equal(2, overlays.Count);
        Assert.EndsWith("/merged", overlays[0].MountPoint, StringComparison.Ordinal);
        Assert.Contains("upperdir=/var/lib/docker/overlay2/", overlays[0].Options, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_machine_mounts_are_the_lines_fields()
    {
        var text = ProcFixture.Read(ProcFixture.RealMachine, "1/mounts");
        var lines = ProcFixture.Lines(text);

        var mounts = MountTable.Parse(text);

        Assert.Equal(lines.Length, mounts.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            var fields = ProcFixture.Fields(lines[i]);
            Assert.Equal(MountTable.Unescape(fields[1]), mounts[i].MountPoint);
            Assert.Equal(fields[2], mounts[i].FsType);
            Assert.Equal(fields[3], mounts[i].Options);
        }
    }

    [Theory]
    [InlineData(@"/mnt/odoo\040data", "/mnt/odoo data")]
    [InlineData(@"/mnt/trailing\040", "/mnt/trailing ")]
    [InlineData(@"\134\134server", @"\\server")]
    [InlineData(@"/a\012b", "/a\nb")]
    [InlineData(@"/plain", "/plain")]
    [InlineData(@"/short\04", @"/short\04")]
    [InlineData(@"/not\089octal", @"/not\089octal")]
    public void Unescape_decodes_three_digit_octal_escapes_only(string field, string expected)
    {
        Assert.Equal(expected, MountTable.Unescape(field));
    }

    [Fact]
    public void Lines_with_fewer_than_four_fields_are_skipped()
    {
        var mounts = MountTable.Parse("broken line\n/dev/vda / ext4 rw 0 0\n\n");

        var mount = Assert.Single(mounts);
        Assert.Equal("/", mount.MountPoint);
    }
}

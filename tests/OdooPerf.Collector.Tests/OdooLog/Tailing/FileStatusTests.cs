using System.Globalization;
using OdooPerf.Collector.OdooLog.Tailing;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

public sealed class FileStatusTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Identity_and_size_agree_with_coreutils_stat()
    {
        var path = _directory.File("odoo.log");
        File.WriteAllText(path, "12345");

        var result = await ProcessRunner.RunAsync("stat", ["-c", "%d %i %s", path]);
        var fields = result.StandardOutput.Split(' ', StringSplitOptions.TrimEntries);
        var status = FileStatus.OfPath(path)!.Value;

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ulong.Parse(fields[0], CultureInfo.InvariantCulture), status.Identity.Device);
        Assert.Equal(ulong.Parse(fields[1], CultureInfo.InvariantCulture), status.Identity.Inode);
        Assert.Equal(5, status.Size);
        Assert.True(status.IsRegularFile);
        using var handle = File.OpenHandle(path);
        Assert.Equal(status, FileStatus.Of(handle));
    }

    [Fact]
    public void A_renamed_file_keeps_its_identity_and_a_missing_one_has_none()
    {
        var path = _directory.File("odoo.log");
        File.WriteAllText(path, "x");
        var before = FileStatus.OfPath(path)!.Value.Identity;

        File.Move(path, path + ".1");

        Assert.Null(FileStatus.OfPath(path));
        Assert.Null(FileStatus.OfPath(_directory.File("no/such/dir/odoo.log")));
        Assert.Equal(before, FileStatus.OfPath(path + ".1")!.Value.Identity);
        Assert.False(FileStatus.OfPath(_directory.Path)!.Value.IsRegularFile);
    }
}

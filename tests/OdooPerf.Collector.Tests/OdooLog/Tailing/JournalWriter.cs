using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using OdooPerf.Testing;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>
/// Writes a real journal file: entries in the journal export format go to systemd-journal-remote's standard
/// input, and it appends them to <c>DIR/test.journal</c> as they come, which <c>journalctl --directory=DIR
/// --follow</c> sees (checked by hand: appending while journalctl follows works as long as journal-remote
/// keeps running). All entries carry one boot id: <c>journalctl --follow</c> shows the latest boot only.
/// </summary>
internal sealed class JournalWriter : IAsyncDisposable
{
    private const string BootId = "0123456789abcdef0123456789abcdef";

    private readonly Process _process;
    private readonly Stream _input;
    private readonly Task<string> _errors;
    private long _sequence;
    private long _realtime;

    private JournalWriter(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _errors = process.StandardError.ReadToEndAsync();
    }

    public static JournalWriter Start(string directory)
    {
        var program = ExternalTool.Require(ExternalTool.SystemdJournalRemote);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--output={Path.Join(directory, "test.journal")}");
        start.ArgumentList.Add("-");
        return new JournalWriter(Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}"));
    }

    public void Write(string unit, string message) => Write(unit, Encoding.UTF8.GetBytes(message));

    /// <summary>One entry of <paramref name="unit"/> whose MESSAGE is <paramref name="message"/>, any bytes.</summary>
    public void Write(string unit, byte[] message)
    {
        // Real time to the microsecond, and increasing: the follower's --since compares with it.
        var now = (DateTimeOffset.UtcNow.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        _realtime = Math.Max(_realtime + 1, now);
        var sequence = ++_sequence;
        var header = string.Create(
            CultureInfo.InvariantCulture,
            $"__REALTIME_TIMESTAMP={_realtime}\n__MONOTONIC_TIMESTAMP={sequence}\n_BOOT_ID={BootId}\n_HOSTNAME=test\n_SYSTEMD_UNIT={unit}\n");
        using var entry = new MemoryStream();
        entry.Write(Encoding.ASCII.GetBytes(header));

        // The binary field form: name, newline, little-endian 64-bit length, the bytes, newline.
        entry.Write("MESSAGE\n"u8);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)message.Length);
        entry.Write(length);
        entry.Write(message);
        entry.Write("\n\n"u8);
        _input.Write(entry.ToArray());
        _input.Flush();
    }

    public async ValueTask DisposeAsync()
    {
        _input.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
        }

        await _errors;
        _process.Dispose();
    }
}

using System.Runtime.InteropServices;

namespace OdooPerf.Collector.Host;

/// <summary>USER_HZ: the unit of the CPU times in /proc/stat and /proc/PID/stat.</summary>
public static partial class ClockTicks
{
    private const int ScClkTck = 2; // _SC_CLK_TCK on Linux

    /// <summary>Ticks per second; 100 on every mainstream Linux build, read from sysconf to be sure.</summary>
    public static readonly double PerSecond = Read();

    private static double Read()
    {
        try
        {
            var ticks = sysconf(ScClkTck);
            return ticks > 0 ? ticks : 100;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return 100;
        }
    }

    [LibraryImport("libc")]
    private static partial long sysconf(int name);
}

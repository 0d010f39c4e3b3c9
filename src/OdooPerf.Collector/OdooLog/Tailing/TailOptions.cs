namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>How sources are followed. Defaults suit a production Odoo; tests shorten the intervals.</summary>
public sealed record TailOptions
{
    /// <summary>How often a file is checked for new data and for rotation; how long journald must be quiet before <see cref="ILogLineSink.OnIdle"/>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longer lines are skipped without being held in memory (<see cref="ILogLineSink.OnLineTooLong"/>).</summary>
    public int MaxLineBytes { get; init; } = 64 * 1024;

    /// <summary>Read a file from its beginning when there is no saved position; by default reading starts at its end, like <c>tail -f</c>.</summary>
    public bool FromStart { get; init; }

    /// <summary>How often a glob is expanded again to find new files.</summary>
    public TimeSpan GlobRescanInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many files are followed per glob (the first by name); more cost one warning.</summary>
    public int MaxFilesPerGlob { get; init; } = 64;

    /// <summary>How often changed positions are written to the state file.</summary>
    public TimeSpan StateSaveInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The journalctl program for <c>journald:UNIT</c> sources.</summary>
    public string JournalctlPath { get; init; } = "journalctl";

    /// <summary>Read journal files from this directory (<c>journalctl --directory</c>) instead of the system journal.</summary>
    public string? JournalDirectory { get; init; }

    /// <summary>First wait before journalctl is started again after it exited; doubles on each failure up to <see cref="JournalRestartMaxDelay"/>.</summary>
    public TimeSpan JournalRestartDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan JournalRestartMaxDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws <see cref="ArgumentException"/> for values no follower can work with.</summary>
    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero || GlobRescanInterval <= TimeSpan.Zero || StateSaveInterval <= TimeSpan.Zero
            || JournalRestartDelay <= TimeSpan.Zero || JournalRestartMaxDelay < JournalRestartDelay)
        {
            throw new ArgumentException("tail intervals must be positive");
        }

        if (MaxLineBytes is < 256 or > 64 * 1024 * 1024)
        {
            throw new ArgumentException($"the maximum line length must be between 256 bytes and 64 MiB, not {MaxLineBytes}");
        }

        if (MaxFilesPerGlob < 1)
        {
            throw new ArgumentException("a glob must be allowed at least one file");
        }
    }
}

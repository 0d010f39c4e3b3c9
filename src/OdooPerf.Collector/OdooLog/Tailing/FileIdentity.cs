namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>Which file this is, independently of its name: the device holding it and its inode number.</summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode);

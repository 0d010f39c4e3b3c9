namespace OdooPerf.Collector.Hosting;

/// <summary>Log level and format. Bound from the <c>Logging</c> configuration section.</summary>
public sealed class LoggingOptions
{
    /// <summary>Verbose, Debug, Information, Warning, Error or Fatal.</summary>
    public string Level { get; set; } = "Information";

    /// <summary>
    /// <c>auto</c> (journald when systemd connects stdout to the journal, text otherwise), <c>text</c>,
    /// <c>journald</c> (syslog priority prefixes, no timestamps) or <c>json</c> (compact JSON lines).
    /// </summary>
    public string Format { get; set; } = "auto";
}

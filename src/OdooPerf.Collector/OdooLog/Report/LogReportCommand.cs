using System.Text;
using OdooPerf.Collector.Hosting;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// <c>odooperf logs report FILE...</c>. Exit codes: 0 the report is written; 2 bad input: an option, a file
/// that cannot be opened (nothing is written), or a file that broke while being read (the report is still
/// written from everything readable, and says which file is incomplete). Each problem is one line on stderr.
/// </summary>
public static class LogReportCommand
{
    /// <summary>The raw option values, validated here so every mistake gets the same one-line message.</summary>
    public sealed record Arguments(IReadOnlyList<string> Files, string? Since, string? Until, string Format, string? Output, int Top, string Interval);

    public static int Run(Arguments arguments, TextWriter? error = null, Func<Stream>? standardInput = null, Func<Stream>? standardOutput = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        error ??= Console.Error;
        try
        {
            var settings = Settings(arguments);
            var format = Format(arguments.Format);
            CheckOutput(arguments.Output);
            var result = LogReportRunner.Run(arguments.Files, settings, $"odooperf {CollectCommand.Version}", standardInput);
            var bytes = Render(result.Report, format);
            Write(bytes, arguments.Output, standardOutput ?? Console.OpenStandardOutput);
            foreach (var message in result.Errors)
            {
                error.WriteLine($"odooperf: {message}");
            }

            return result.Errors.Count == 0 ? 0 : StartupException.ExitCode;
        }
        catch (LogReportException ex)
        {
            error.WriteLine($"odooperf: {ex.Message}");
            return StartupException.ExitCode;
        }
    }

    /// <summary>The report in <paramref name="format"/>, as UTF-8.</summary>
    public static byte[] Render(LogReport report, LogReportFormat format)
    {
        switch (format)
        {
            case LogReportFormat.Json:
                using (var stream = new MemoryStream())
                {
                    JsonReportWriter.Write(report, stream);
                    stream.WriteByte((byte)'\n');
                    return stream.ToArray();
                }

            case LogReportFormat.Html:
                return Encoding.UTF8.GetBytes(HtmlReportWriter.Write(report));
            default:
                return Encoding.UTF8.GetBytes(TextReportWriter.Write(report));
        }
    }

    private static LogReportSettings Settings(Arguments arguments)
    {
        if (arguments.Files.Count == 0)
        {
            throw new LogReportException("logs report: name at least one log file, or - for standard input");
        }

        var since = arguments.Since is null ? (DateTime?)null : ReportTimeArgument.Parse("--since", arguments.Since);
        var until = arguments.Until is null ? (DateTime?)null : ReportTimeArgument.Parse("--until", arguments.Until);
        if (since is not null && until is not null && until <= since)
        {
            throw new LogReportException($"--until '{arguments.Until}' is not after --since '{arguments.Since}'");
        }

        if (arguments.Top is < 1 or > 10_000)
        {
            throw new LogReportException($"--top {arguments.Top}: give a number from 1 to 10000");
        }

        var interval = arguments.Interval.ToLowerInvariant() switch
        {
            "auto" => RequestedInterval.Auto,
            "minute" => RequestedInterval.Minute,
            "hour" => RequestedInterval.Hour,
            _ => throw new LogReportException($"--interval '{arguments.Interval}': use auto, minute or hour"),
        };

        return new LogReportSettings { Since = since, Until = until, Top = arguments.Top, Interval = interval };
    }

    private static LogReportFormat Format(string format) => format.ToLowerInvariant() switch
    {
        "text" => LogReportFormat.Text,
        "json" => LogReportFormat.Json,
        "html" => LogReportFormat.Html,
        _ => throw new LogReportException($"--format '{format}': use text, json or html"),
    };

    /// <summary>Fails before a long read when the report could not be written anyway.</summary>
    private static void CheckOutput(string? output)
    {
        if (output is null or "-")
        {
            return;
        }

        if (Directory.Exists(output))
        {
            throw new LogReportException($"cannot write {output}: it is a directory");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new LogReportException($"cannot write {output}: {directory} does not exist");
        }
    }

    private static void Write(byte[] bytes, string? output, Func<Stream> standardOutput)
    {
        if (output is null or "-")
        {
            using var stdout = standardOutput();
            stdout.Write(bytes);
            stdout.Flush();
            return;
        }

        try
        {
            File.WriteAllBytes(output, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LogReportException($"cannot write {output}: {ex.Message}");
        }
    }
}

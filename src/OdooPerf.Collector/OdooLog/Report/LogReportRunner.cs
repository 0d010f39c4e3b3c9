using OdooPerf.Odoo.Logs;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>What a run produced: the report, and the inputs that could not be read to their end.</summary>
public sealed record LogReportResult(LogReport Report, IReadOnlyList<string> Errors);

/// <summary>
/// Reads the inputs in the order given, as one stream of entries (a traceback cut by rotation between two
/// files stays whole), and builds the report. Every input is checked before reading starts: a missing or
/// unreadable one fails the run with nothing written. An input that breaks while being read (corrupt or
/// truncated gzip, an I/O error) is reported: the report covers everything else and says so.
/// </summary>
public static class LogReportRunner
{
    public static LogReportResult Run(IReadOnlyList<string> inputs, LogReportSettings settings, string generator, Func<Stream>? standardInput = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        standardInput ??= Console.OpenStandardInput;
        if (inputs.Count(i => i == LogInput.StandardInput) > 1)
        {
            throw new LogReportException("standard input ('-') can be read only once");
        }

        foreach (var input in inputs)
        {
            LogInput.Check(input);
        }

        var aggregator = new LogReportAggregator(settings);
        using var pipeline = new EntryPipeline(aggregator);
        var reader = new OdooLogReader(pipeline);
        var splitter = new LogLineSplitter(reader);
        var read = new List<LogReportInput>();
        var errors = new List<string>();
        foreach (var input in inputs)
        {
            var compressed = false;
            string? error = null;
            try
            {
                using var stream = LogInput.Open(input, standardInput, out compressed);
                splitter.Feed(stream);
            }
            catch (InvalidDataException ex)
            {
                error = ex.Message.StartsWith("gzip", StringComparison.Ordinal) ? ex.Message : $"corrupt gzip data ({ex.Message.TrimEnd('.')})";
            }
            catch (IOException ex)
            {
                error = $"read error ({ex.Message.TrimEnd('.')})";
            }
            catch (UnauthorizedAccessException)
            {
                error = "permission denied";
            }
            catch (LogReportException ex)
            {
                // Checked a moment ago, gone since (rotated away).
                error = ex.Message.StartsWith(input + ": ", StringComparison.Ordinal) ? ex.Message[(input.Length + 2)..] : ex.Message;
            }

            if (error is not null)
            {
                errors.Add($"{input}: {error}");
            }

            read.Add(new LogReportInput(input == LogInput.StandardInput ? "(stdin)" : input, compressed, splitter.Bytes, splitter.Lines, error));
        }

        reader.Flush();
        pipeline.Complete();
        var report = LogReportBuilder.Build(aggregator, read, reader.Lines, generator, DateTime.UtcNow);
        return new LogReportResult(report, errors);
    }
}

namespace OdooPerf.Load.Reports;

/// <summary>
/// A report cannot be read, merged or compared: the message is one line naming the file and what is wrong, for the
/// command line to print before exiting with a usage error.
/// </summary>
public sealed class LoadReportException : Exception
{
    public LoadReportException(string message)
        : base(OneLine(message))
    {
    }

    public LoadReportException(string message, Exception inner)
        : base(OneLine(message), inner)
    {
    }

    public LoadReportException()
        : base("the report cannot be used")
    {
    }

    // Messages quote file names and the JSON reader's words; the result must stay one line.
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Replace('\t', ' ');
}

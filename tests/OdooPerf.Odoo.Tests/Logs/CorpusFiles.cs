namespace OdooPerf.Odoo.Tests.Logs;

/// <summary>The fixture corpus as lines, for tests that feed it in bulk.</summary>
internal static class CorpusFiles
{
    public static readonly string[] Names =
    [
        "odoo-12.log", "odoo-13.log", "odoo-14.log", "odoo-15.log", "odoo-16.log", "odoo-17.log", "odoo-18.log", "odoo-19.log",
        "variant-colours.log", "variant-syslog.log", "variant-journald.log", "variant-docker.log", "variant-cri.log",
    ];

    public static List<byte[]> AllLines()
    {
        var lines = new List<byte[]>();
        foreach (var name in Names)
        {
            var bytes = CorpusExpectations.Fixture(name);
            lines.AddRange(RecordingHandler.SplitLines(bytes).Select(l => bytes.AsSpan(l.Start, l.Length).ToArray()));
        }

        return lines;
    }
}

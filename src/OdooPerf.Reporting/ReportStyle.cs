namespace OdooPerf.Reporting;

/// <summary>
/// The look both HTML reports share (page, headings, figure cards, chart panels, tables), so the log report and the
/// load report read as one product; each report appends the few rules of its own.
/// </summary>
public static class ReportStyle
{
    public const string Base = """
        :root { color-scheme: light; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #222; background: #f6f7f9; margin: 0; }
        main { max-width: 1220px; margin: 0 auto; padding: 16px 20px 40px; }
        h1 { font-size: 22px; margin: 8px 0 2px; }
        h2 { font-size: 17px; margin: 26px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        .sub { color: #666; margin: 0 0 12px; }
        .card { background: #fff; border: 1px solid #e2e2e2; border-radius: 6px; padding: 10px 12px; }
        .card .v { font-size: 22px; font-weight: 600; }
        .card .k { color: #666; font-size: 12px; }
        .card.bad .v { color: #b00020; }
        .panel { background: #fff; border: 1px solid #e2e2e2; border-radius: 6px; padding: 8px 10px; margin: 10px 0; overflow-x: auto; }
        .panel h3 { font-size: 14px; margin: 2px 0 4px; color: #333; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        svg .tick { font-size: 11px; fill: #666; }
        svg .label { font-size: 12px; fill: #333; }
        svg .value { font-size: 12px; fill: #555; }
        table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
        th, td { padding: 4px 8px; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
        th { background: #f0f1f4; font-weight: 600; white-space: nowrap; }
        td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .empty { color: #888; font-style: italic; }
        """;
}

using OdooPerf.Load.Reports;

namespace OdooPerf.LoadTests.Running;

/// <summary>A baseline run's report.json (<c>--baseline FILE</c>), read before the load so a bad file costs no run.</summary>
internal sealed record BaselineInput(string Path, LoadReport Report);

namespace OdooPerf.Load.Stats;

/// <summary>
/// Sees every request recorded, as it is recorded (live Prometheus metrics use it). <see cref="ForStep"/> is called
/// once per step when the step is first used, so the per-request call needs no lookup; it runs on the virtual user's
/// thread and must be cheap and never throw.
/// </summary>
public interface IStepRecordListener
{
    IStepRecord ForStep(string scenario, string step);
}

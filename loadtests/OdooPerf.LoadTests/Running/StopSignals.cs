using System.Runtime.InteropServices;

namespace OdooPerf.LoadTests.Running;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM during a run. The first stops it gracefully (<see cref="Stop"/>: no new iterations,
/// those in flight finish, reports are written and marked incomplete); the second cancels the iterations in flight
/// (<see cref="Kill"/>); a third is left to the default action and ends the process at once.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _kill = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly Action<int> _onSignal;
    private int _received;

    /// <param name="onSignal">Told the signal's rank (1 = stop, 2 = kill), to say so on the console.</param>
    public StopSignals(Action<int> onSignal)
    {
        _onSignal = onSignal;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Stop => _stop.Token;

    public CancellationToken Kill => _kill.Token;

    private void Handle(PosixSignalContext context)
    {
        var rank = Interlocked.Increment(ref _received);
        if (rank > 2)
        {
            return;
        }

        context.Cancel = true;
        (rank == 1 ? _stop : _kill).Cancel();
        _onSignal(rank);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
        _kill.Dispose();
    }
}

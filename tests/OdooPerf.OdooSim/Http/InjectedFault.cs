using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Http;

/// <summary>A failure the fault settings decided on: answered like <see cref="Error"/>, or as an HTTP 500.</summary>
internal sealed class InjectedFault(FaultErrorKind kind, OdooException error) : Exception(error.Message, error)
{
    public FaultErrorKind Kind => kind;

    public OdooException Error => error;
}

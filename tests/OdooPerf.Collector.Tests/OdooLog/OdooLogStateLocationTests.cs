using OdooPerf.Collector.OdooLog;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog;

public sealed class OdooLogStateLocationTests
{
    [Fact]
    public void Systemd_state_directory_comes_first_then_xdg_then_home()
    {
        var options = new OdooLogOptions();

        Assert.Equal("/var/lib/odooperf/odoo-log-positions.json", OdooLogStateLocation.Resolve(options, Env(("STATE_DIRECTORY", "/var/lib/odooperf:/var/lib/other"), ("HOME", "/home/u"))));
        Assert.Equal("/x/state/odooperf/odoo-log-positions.json", OdooLogStateLocation.Resolve(options, Env(("XDG_STATE_HOME", "/x/state"), ("HOME", "/home/u"))));
        Assert.Equal("/home/u/.local/state/odooperf/odoo-log-positions.json", OdooLogStateLocation.Resolve(options, Env(("HOME", "/home/u"))));
    }

    [Fact]
    public void A_configured_state_file_wins()
    {
        var options = new OdooLogOptions { StateFile = "/srv/positions.json" };

        Assert.Equal("/srv/positions.json", OdooLogStateLocation.Resolve(options, Env(("STATE_DIRECTORY", "/var/lib/odooperf"))));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}

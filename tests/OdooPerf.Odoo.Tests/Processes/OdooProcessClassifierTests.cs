using OdooPerf.Odoo.Processes;
using Xunit;

namespace OdooPerf.Odoo.Tests.Processes;

public sealed class OdooProcessClassifierTests
{
    private readonly OdooProcessClassifier _classifier = new();

    // Command lines below are written as /proc/PID/cmdline shows them, arguments separated by spaces.
    private static string[] Argv(string commandLine) => commandLine.Split(' ');

    [Theory]
    [InlineData("/usr/bin/python3 /usr/bin/odoo --config /etc/odoo/odoo.conf")]
    [InlineData("/usr/bin/python3 /usr/bin/odoo --config /etc/odoo/odoo.conf --logfile /var/log/odoo/odoo-server.log")]
    [InlineData("python3 -u /opt/odoo/odoo-bin -c odoo.conf")]
    [InlineData("/opt/odoo/venv/bin/python3 /opt/odoo/odoo-bin --workers=4")]
    [InlineData("/usr/bin/python3.12 /opt/odoo/odoo-bin server -c /etc/odoo.conf")]
    [InlineData("python /opt/odoo/odoo-bin start")]
    [InlineData("python3 ./openerp-server")]
    [InlineData("python3 /opt/odoo/odoo.py --config=/etc/odoo.conf")]
    [InlineData("python3 -m odoo -c /etc/odoo/odoo.conf")]
    [InlineData("python3 -W ignore -X dev -O /opt/odoo/odoo-bin -c odoo.conf")]
    [InlineData("/usr/bin/odoo --config /etc/odoo/odoo.conf")]
    [InlineData("odoo-bin")]
    [InlineData("python3 /opt/odoo/odoo-bin --addons-path=/opt/odoo/addons -c odoo.conf")]
    [InlineData("python3 /opt/odoo/odoo-bin --addons-path=/opt/odoo/addons server -c odoo.conf")]
    public void Server_started_by_the_service_is_main(string commandLine)
    {
        Assert.Equal(OdooProcessRole.Main, _classifier.Classify(Argv(commandLine), parentIsOdoo: false));
    }

    [Theory]
    [InlineData("/usr/bin/python3 /usr/bin/odoo --config /etc/odoo/odoo.conf")]
    [InlineData("python3 -u /opt/odoo/odoo-bin -c odoo.conf")]
    [InlineData("/opt/odoo/venv/bin/python3 /opt/odoo/odoo-bin --workers=4")]
    [InlineData("python3 -m odoo -c /etc/odoo/odoo.conf")]
    public void Child_with_its_masters_command_line_is_a_worker_of_unknown_kind(string commandLine)
    {
        // Without the setproctitle module, prefork workers keep the master's command line.
        Assert.Equal(OdooProcessRole.Worker, _classifier.Classify(Argv(commandLine), parentIsOdoo: true));
    }

    [Theory]
    [InlineData("odoo: WorkerHTTP 1234 ", OdooProcessRole.Http)]
    [InlineData("odoo: WorkerHTTP 1234 ", OdooProcessRole.Http, true)]
    [InlineData("odoo: WorkerCron 1235 ", OdooProcessRole.Cron)]
    [InlineData("odoo: WorkerCron 1235 ", OdooProcessRole.Cron, true)]
    [InlineData("odoo: WorkerCron 1235 production", OdooProcessRole.Cron, true)]
    [InlineData("odoo: Worker 1236 ", OdooProcessRole.Worker, true)]
    public void Worker_renamed_by_setproctitle_is_told_by_its_title(string title, OdooProcessRole role, bool parentIsOdoo = false)
    {
        // setproctitle replaces the whole command line with one string: "odoo: CLASS PID TITLE".
        Assert.Equal(role, _classifier.Classify([title], parentIsOdoo));
    }

    [Theory]
    [InlineData("/usr/bin/python3 /usr/bin/odoo gevent --config /etc/odoo/odoo.conf", true)]
    [InlineData("/opt/odoo/venv/bin/python3 /opt/odoo/odoo-bin gevent -c odoo.conf --workers=4", true)]
    [InlineData("python3 ./odoo-bin gevent", true)]
    [InlineData("python3 ./odoo-bin --addons-path=/opt/odoo/addons gevent", false)]
    [InlineData("/usr/bin/odoo gevent -c /etc/odoo/odoo.conf", false)]
    public void Longpolling_or_websocket_server_is_gevent_whatever_its_parent(string commandLine, bool parentIsOdoo)
    {
        // The prefork master spawns [sys.executable, sys.argv[0], "gevent", ...]; it can also run as its own service.
        Assert.Equal(OdooProcessRole.Gevent, _classifier.Classify(Argv(commandLine), parentIsOdoo));
    }

    [Theory]
    [InlineData("odooperf collect")]
    [InlineData("/usr/local/bin/odooperf collect --pg Host=/run/postgresql")]
    [InlineData("tail -f /var/log/odoo/odoo.log")]
    [InlineData("/bin/sh -c odoo")]
    [InlineData("bash /opt/odoo/odoo-bin")]
    [InlineData("sudo -u odoo /usr/bin/odoo -c /etc/odoo/odoo.conf")]
    [InlineData("vim /usr/bin/odoo")]
    [InlineData("less /etc/odoo/odoo.conf")]
    [InlineData("python3 odoo-bin shell -d db")]
    [InlineData("python3 /opt/odoo/odoo-bin scaffold my_module /opt/addons")]
    [InlineData("python3 /opt/odoo/odoo-bin populate -d db")]
    [InlineData("python3 /opt/odoo/odoo-bin db dump prod /tmp/prod.zip")]
    [InlineData("python3 -m odoo shell -d db")]
    [InlineData("python3 /opt/odoo/odoo-bin --addons-path=/opt/odoo/addons,/opt/custom shell -d db")]
    [InlineData("python3 manage.py runserver")]
    [InlineData("python3 -m http.server 8069")]
    [InlineData("python3 -m odooperf")]
    [InlineData("python3 -u")]
    [InlineData("/usr/lib/postgresql/16/bin/postgres -D /var/lib/postgresql/16/main")]
    [InlineData("postgres: 16/main: odoo prod [local] idle")]
    public void Other_processes_are_not_odoo(string commandLine)
    {
        Assert.Null(_classifier.Classify(Argv(commandLine), parentIsOdoo: false));
        Assert.Null(_classifier.Classify(Argv(commandLine), parentIsOdoo: true));
        Assert.False(_classifier.IsOdoo(Argv(commandLine)));
    }

    [Fact]
    public void Empty_command_line_of_a_kernel_thread_or_zombie_is_not_odoo()
    {
        Assert.Null(_classifier.Classify([], parentIsOdoo: false));
    }

    [Theory]
    [InlineData("/srv/erp/bin/my-odoo -c /etc/my-odoo.conf", OdooProcessRole.Main)]
    [InlineData("/usr/bin/python3 /srv/erp/bin/my-odoo gevent -c /etc/my-odoo.conf", OdooProcessRole.Gevent)]
    [InlineData("/nix/store/abc-odoo-17.0/bin/.odoo-wrapped --config /etc/odoo/odoo.conf", OdooProcessRole.Main)]
    [InlineData("/nix/store/abc-python3-3.11/bin/python3.11 /nix/store/abc-odoo-17.0/bin/.odoo-wrapped gevent", OdooProcessRole.Gevent)]
    public void Custom_executable_names_are_recognised(string commandLine, OdooProcessRole role)
    {
        var classifier = new OdooProcessClassifier(["my-odoo", ".odoo-wrapped"]);

        Assert.Equal(role, classifier.Classify(Argv(commandLine), parentIsOdoo: false));
    }

    [Fact]
    public void Custom_executable_names_replace_the_defaults()
    {
        var classifier = new OdooProcessClassifier(["my-odoo"]);

        Assert.Null(classifier.Classify(Argv("/usr/bin/python3 /usr/bin/odoo --config /etc/odoo/odoo.conf"), parentIsOdoo: false));
        Assert.Null(classifier.Classify(Argv("python3 -m odoo"), parentIsOdoo: false));
        Assert.Equal(OdooProcessRole.Http, classifier.Classify(["odoo: WorkerHTTP 1234 "], parentIsOdoo: true));
    }

    [Fact]
    public void Default_executable_names_cover_packages_checkouts_and_old_versions()
    {
        Assert.Equal(new[] { "odoo-bin", "odoo", "openerp-server", "odoo.py" }, OdooProcessClassifier.DefaultExecutableNames);
    }

    [Theory]
    [InlineData(OdooProcessRole.Main, "main")]
    [InlineData(OdooProcessRole.Http, "http")]
    [InlineData(OdooProcessRole.Cron, "cron")]
    [InlineData(OdooProcessRole.Gevent, "gevent")]
    [InlineData(OdooProcessRole.Worker, "worker")]
    public void Role_label_values(OdooProcessRole role, string label)
    {
        Assert.Equal(label, role.Label());
    }
}

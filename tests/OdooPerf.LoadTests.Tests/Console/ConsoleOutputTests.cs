using OdooPerf.LoadTests.Calibration;
using OdooPerf.LoadTests.Console;
using OdooPerf.Odoo.Rpc;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Console;

/// <summary>The console's in-place progress block and the masking of credentials in everything printed.</summary>
public sealed class ConsoleOutputTests
{
    private const string Erase2 = "\u001b[2A\r\u001b[J";

    [Fact]
    public void A_line_printed_while_the_block_is_shown_goes_above_it_and_the_block_is_drawn_again()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var console = new ConsoleOutput(output, output, interactive: true);

        console.Block(["first", "second"]);
        console.Line("a warning");
        console.Block(["third", "fourth"]);
        console.EndBlock();

        Assert.Equal("first\nsecond\n" + Erase2 + "a warning\nfirst\nsecond\n" + Erase2 + "third\nfourth\n" + Erase2, output.ToString());
    }

    [Fact]
    public void Plain_output_never_draws_a_block()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var console = new ConsoleOutput(output, output, interactive: false);

        console.Block(["progress"]);
        console.Line("line");
        console.EndBlock();

        Assert.Equal("line\n", output.ToString());
    }

    [Fact]
    public void Errors_are_one_line_prefixed_and_credentials_in_any_url_are_masked()
    {
        using var error = new StringWriter { NewLine = "\n" };
        var console = new ConsoleOutput(TextWriter.Null, error, interactive: false);

        console.Error("cannot reach https://admin:hunter22@odoo.example.com/web\nsecond line");

        Assert.Equal("odooperf-load: cannot reach https://***@odoo.example.com/web second line\n", error.ToString());
    }

    [Fact]
    public void A_target_url_with_credentials_sends_basic_auth_and_registers_them_for_masking()
    {
        var target = TargetUrl.Parse("--url", "http://load%40test:p%3Ass-w0rd-4711@127.0.0.1:8069/web/login?db=prod");

        Assert.Equal("http://127.0.0.1:8069/web/login?db=prod", target.RequestUri.AbsoluteUri);
        Assert.Equal("http://***@127.0.0.1:8069/web/login?db=prod", target.Display);
        Assert.Equal("Basic", target.Authorization!.Scheme);
        Assert.Equal("load@test:p:ss-w0rd-4711", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(target.Authorization.Parameter!)));
        Assert.Equal("password *** credential ***", Redaction.Apply($"password p:ss-w0rd-4711 credential {target.Authorization.Parameter}"));
    }

    [Fact]
    public void An_odoo_password_is_masked_as_a_whole_word_and_a_password_that_is_the_login_leaves_the_login_readable()
    {
        Redaction.Register(new OdooCredentials("perf", "load-user", new OdooSecret("Qx7-console-secret", OdooSecretKind.Password)));
        Redaction.Register(new OdooCredentials("perf", "admin", new OdooSecret("admin", OdooSecretKind.Password)));

        Assert.Equal("password *** (not Qx7-console-secrets)", Redaction.Apply("password Qx7-console-secret (not Qx7-console-secrets)"));
        const string refused = "cannot log in to http://127.0.0.1:8069 as admin on database perf: wrong login or password (AccessDenied)";
        Assert.Equal(refused, Redaction.Apply(refused));
    }
}

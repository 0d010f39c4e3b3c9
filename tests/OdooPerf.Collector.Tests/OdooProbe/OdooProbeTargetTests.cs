using OdooPerf.Collector.OdooProbe;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooProbe;

public sealed class OdooProbeTargetTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8069", "http://127.0.0.1:8069/")]
    [InlineData("http://127.0.0.1:8069/", "http://127.0.0.1:8069/")]
    [InlineData("https://erp.example.com", "https://erp.example.com/")]
    [InlineData("https://erp.example.com/odoo", "https://erp.example.com/odoo/")]
    [InlineData("https://erp.example.com/a/b/", "https://erp.example.com/a/b/")]
    [InlineData("  http://[::1]:8069  ", "http://[::1]:8069/")]
    [InlineData("HTTP://ERP.example.com:443/Odoo", "http://erp.example.com:443/Odoo/")]
    public void The_base_uri_ends_with_a_slash_so_odoos_routes_resolve_under_it(string url, string baseUri)
    {
        var target = OdooProbeTarget.Parse(url, out var error);

        Assert.Null(error);
        Assert.Equal(baseUri, target!.BaseUri.ToString());
        Assert.Equal(baseUri + "web/health", new Uri(target.BaseUri, "web/health").ToString());
        Assert.Null(target.Authorization);
        Assert.Equal(baseUri, target.Display);
    }

    [Fact]
    public void User_info_becomes_basic_credentials_and_leaves_the_uri()
    {
        var target = OdooProbeTarget.Parse("https://probe%40corp:p%40ss%3Aword@erp.example.com/odoo", out _)!;

        Assert.Equal("https://erp.example.com/odoo/", target.BaseUri.ToString());
        Assert.Equal("Basic", target.Authorization!.Scheme);
        Assert.Equal("probe@corp:p@ss:word", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(target.Authorization.Parameter!)));
        Assert.Equal("https://***@erp.example.com/odoo/", target.Display);
    }

    [Fact]
    public void A_user_without_password_is_basic_credentials_with_an_empty_password()
    {
        var target = OdooProbeTarget.Parse("http://token@127.0.0.1:8069", out _)!;

        Assert.Equal("token:", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(target.Authorization!.Parameter!)));
        Assert.DoesNotContain("token", target.Display, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://a:secret@127.0.0.1/?q=1", "http://***@127.0.0.1/?q=1")]
    [InlineData("http://a:secret@[broken", "(not shown: it may hold a password)")]
    [InlineData("ftp://127.0.0.1", "ftp://127.0.0.1")]
    public void Redact_never_shows_a_password(string url, string shown)
    {
        Assert.Equal(shown, OdooProbeTarget.Redact(url));
    }
}

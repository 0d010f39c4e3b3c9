using OdooPerf.Odoo.Routes;
using Xunit;

namespace OdooPerf.Odoo.Tests.Routes;

public sealed class OdooRouteLabelTests
{
    [Theory]
    [InlineData(OdooRouteGroup.CallKw, "call_kw")]
    [InlineData(OdooRouteGroup.SearchRead, "search_read")]
    [InlineData(OdooRouteGroup.Read, "read")]
    [InlineData(OdooRouteGroup.Action, "action")]
    [InlineData(OdooRouteGroup.Report, "report")]
    [InlineData(OdooRouteGroup.Bus, "bus")]
    [InlineData(OdooRouteGroup.Static, "static")]
    [InlineData(OdooRouteGroup.Content, "content")]
    [InlineData(OdooRouteGroup.XmlRpc, "xmlrpc")]
    [InlineData(OdooRouteGroup.JsonRpc, "jsonrpc")]
    [InlineData(OdooRouteGroup.Json2, "json2")]
    [InlineData(OdooRouteGroup.Session, "session")]
    [InlineData(OdooRouteGroup.Website, "website")]
    [InlineData(OdooRouteGroup.Portal, "portal")]
    [InlineData(OdooRouteGroup.Controller, "controller")]
    public void Each_group_has_its_label(OdooRouteGroup group, string label)
    {
        Assert.Equal(label, OdooRouteClassifier.Label(group));
    }

    [Fact]
    public void Labels_are_interned_constants_one_per_group()
    {
        var groups = Enum.GetValues<OdooRouteGroup>();
        foreach (var group in groups)
        {
            var label = OdooRouteClassifier.Label(group);
            Assert.Same(label, OdooRouteClassifier.Label(group));
            Assert.Same(label, string.IsInterned(label));
        }

        Assert.Equal(groups.Length, groups.Select(OdooRouteClassifier.Label).Distinct().Count());
    }

    [Fact]
    public void A_value_outside_the_enum_is_controller()
    {
        Assert.Equal("controller", OdooRouteClassifier.Label((OdooRouteGroup)200));
    }
}

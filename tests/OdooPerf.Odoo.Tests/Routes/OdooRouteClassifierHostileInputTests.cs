using System.Text;
using OdooPerf.Odoo.Routes;
using Xunit;

namespace OdooPerf.Odoo.Tests.Routes;

/// <summary>The path comes from whoever sent the request: the classifier must neither throw nor let it choose labels freely.</summary>
public sealed class OdooRouteClassifierHostileInputTests
{
    private static (OdooRouteGroup Group, string Model, string Method) Classify(byte[] path)
    {
        var route = OdooRouteClassifier.Classify(path);
        return (route.Group, Encoding.UTF8.GetString(route.Model), Encoding.UTF8.GetString(route.Method));
    }

    private static (OdooRouteGroup Group, string Model, string Method) Classify(string path) => Classify(Encoding.UTF8.GetBytes(path));

    [Theory]
    [InlineData("/web/dataset/call_kw/../../etc/passwd")]
    [InlineData("/web/dataset/call_kw/res..partner/write")]
    [InlineData("/web/dataset/call_kw/.res.partner/write")]
    [InlineData("/web/dataset/call_kw/res.partner./write")]
    [InlineData("/web/dataset/call_kw/Res.Partner/write")]
    [InlineData("/web/dataset/call_kw/1res.partner/write")]
    [InlineData("/web/dataset/call_kw/res.partner%2Fwrite")]
    [InlineData("/web/dataset/call_kw/res partner/write")]
    [InlineData("/web/dataset/call_kw/res.partner\"/write")]
    [InlineData("/web/dataset/call_kw/rés.partner/write")]
    [InlineData("/web/dataset/call_kw/res-partner/write")]
    public void Malformed_models_are_left_empty(string path)
    {
        var (group, model, method) = Classify(path);
        Assert.Equal(OdooRouteGroup.CallKw, group);
        Assert.Equal("", model);
        Assert.True(method is "" or "write", method);
    }

    [Theory]
    [InlineData("/web/dataset/call_kw/res.partner/_private_method")] // Odoo refuses private methods over RPC
    [InlineData("/web/dataset/call_kw/res.partner/__init__")]
    [InlineData("/web/dataset/call_kw/res.partner/1st")]
    [InlineData("/web/dataset/call_kw/res.partner/write()")]
    [InlineData("/web/dataset/call_kw/res.partner/wr%69te")]
    [InlineData("/web/dataset/call_kw/res.partner/write;drop")]
    [InlineData("/web/dataset/call_kw/res.partner/<script>alert(1)<\\script>")]
    [InlineData("/web/dataset/call_kw/res.partner/")]
    public void Malformed_methods_are_left_empty(string path)
    {
        var (group, model, method) = Classify(path);
        Assert.Equal(OdooRouteGroup.CallKw, group);
        Assert.Equal("res.partner", model);
        Assert.Equal("", method);
    }

    [Fact]
    public void A_malformed_fragment_does_not_hide_the_path_suffix()
    {
        Assert.Equal((OdooRouteGroup.Read, "res.partner", "read"), Classify("/web/dataset/call_kw/res.partner/read#Évil.<b>"));
        Assert.Equal((OdooRouteGroup.Read, "res.partner", "read"), Classify("/web/dataset/call_kw/res.partner/read#"));
        Assert.Equal((OdooRouteGroup.Read, "res.partner", "read"), Classify("/web/dataset/call_kw/res.partner/read#.read"));
    }

    [Fact]
    public void Invalid_utf8_is_classified_by_its_ascii_structure()
    {
        byte[] invalidModel = [.. "/web/dataset/call_kw/res."u8, 0xff, 0xfe, .. "partner/read"u8];
        Assert.Equal((OdooRouteGroup.Read, "", "read"), Classify(invalidModel));

        byte[] invalidFirstSegment = [(byte)'/', 0xc3, 0x28, .. "/static/x.js"u8];
        Assert.Equal(OdooRouteGroup.Controller, Classify(invalidFirstSegment).Group);

        byte[] truncatedSequence = [.. "/shop/"u8, 0xe2, 0x82];
        Assert.Equal(OdooRouteGroup.Website, Classify(truncatedSequence).Group);
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("web/login")]
    [InlineData("http://evil.example/web/login")]
    [InlineData("//web/login")]
    [InlineData("/web\0/login")]
    [InlineData("/web%2Fdataset%2Fcall_kw%2Fres.partner%2Fread")]
    [InlineData("?")]
    [InlineData("#res.partner.read")]
    [InlineData("/\u0000")]
    public void Paths_odoo_cannot_route_are_controller_without_model(string path)
    {
        Assert.Equal((OdooRouteGroup.Controller, "", ""), Classify(path));
    }

    [Fact]
    public void Names_longer_than_the_bound_are_left_empty()
    {
        var longest = "a" + new string('b', OdooRouteClassifier.MaxNameLength - 1);
        var tooLong = longest + "c";

        Assert.Equal((OdooRouteGroup.CallKw, longest, "create"), Classify($"/web/dataset/call_kw/{longest}/create"));
        Assert.Equal((OdooRouteGroup.CallKw, "", "create"), Classify($"/web/dataset/call_kw/{tooLong}/create"));
        Assert.Equal((OdooRouteGroup.CallKw, "res.partner", longest), Classify($"/web/dataset/call_kw/res.partner/{longest}"));
        Assert.Equal((OdooRouteGroup.CallKw, "res.partner", ""), Classify($"/web/dataset/call_kw/res.partner/{tooLong}"));
    }

    [Fact]
    public void A_ten_megabyte_path_is_classified_without_taking_its_names()
    {
        var huge = new string('a', 10 * 1024 * 1024);
        Assert.Equal((OdooRouteGroup.Read, "", "read"), Classify($"/web/dataset/call_kw/{huge}/read"));
        Assert.Equal((OdooRouteGroup.JsonRpc, "", ""), Classify($"/jsonrpc#{huge}.{huge}"));
        Assert.Equal((OdooRouteGroup.Controller, "", ""), Classify("/" + huge));
        Assert.Equal((OdooRouteGroup.Website, "", ""), Classify("/shop/" + new string('/', 1024 * 1024)));
    }

    [Fact]
    public void Random_bytes_never_throw_and_names_always_have_odoos_shapes()
    {
        var random = new Random(4242);
        byte[] alphabet = [.. "/web/dataset/call_kw/res.partner/read#?._-%2F"u8, 0x00, 0xff, 0xc3, (byte)' ', (byte)'A'];
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, 96);
            var path = new byte[length];
            for (var j = 0; j < length; j++)
            {
                path[j] = random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            var route = OdooRouteClassifier.Classify(path);
            Assert.True(Enum.IsDefined(route.Group));
            Assert.True(route.Model.IsEmpty || OdooRouteClassifier.IsModelName(route.Model), Convert.ToHexString(path));
            Assert.True(route.Method.IsEmpty || OdooRouteClassifier.IsMethodName(route.Method), Convert.ToHexString(path));
        }
    }
}

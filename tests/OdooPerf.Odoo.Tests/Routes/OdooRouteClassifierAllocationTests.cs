using System.Text;
using OdooPerf.Odoo.Routes;
using Xunit;

namespace OdooPerf.Odoo.Tests.Routes;

public sealed class OdooRouteClassifierAllocationTests
{
    // One path per branch of the classifier, including the ones that return model and method.
    private static readonly byte[][] Paths =
    [
        .. new[]
        {
            "/web/dataset/call_kw/res.partner/web_search_read",
            "/web/dataset/call_kw/res.partner/read#sale.order.write",
            "/web/dataset/call_kw/res.partner.name_search",
            "/web/dataset/call_button/sale.order/action_confirm",
            "/web/dataset/search_read",
            "/web/action/load",
            "/report/pdf/sale.report_saleorder/42",
            "/websocket?version=17.0-3",
            "/web/assets/a1b2c3d/web.assets_web.min.js",
            "/sale/static/description/icon.png",
            "/web/image/res.partner/3/avatar_128",
            "/xmlrpc/2/object#res.partner.search_read",
            "/jsonrpc",
            "/json/2/res.partner/search_read",
            "/web/login",
            "/fr_BE/shop/cart",
            "/my/orders/12?access_token=abc",
            "/mail/data",
            "",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    [Fact]
    public void Classify_and_label_allocate_nothing()
    {
        var sink = 0;
        for (var i = 0; i < 10; i++)
        {
            sink += ClassifyAll();
        }

        // The runtime may allocate once on this thread while it re-compiles the hot loop (tiered JIT, on-stack
        // replacement), later on a busy machine: the least of several rounds is what the classifier itself allocates,
        // since an allocating classifier would allocate in every round.
        var allocated = long.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++)
            {
                sink += ClassifyAll();
            }

            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    private static int ClassifyAll()
    {
        var total = 0;
        foreach (var path in Paths)
        {
            var route = OdooRouteClassifier.Classify(path);
            total += route.Model.Length + route.Method.Length + OdooRouteClassifier.Label(route.Group).Length;
        }

        return total;
    }
}

using System.Text;
using OdooPerf.Odoo.Routes;
using Xunit;

namespace OdooPerf.Odoo.Tests.Routes;

/// <summary>Paths as Odoo 12 to 19 log them (werkzeug request lines), one theory per group.</summary>
public sealed class OdooRouteClassifierTests
{
    private static void AssertRoute(string path, OdooRouteGroup group, string model = "", string method = "")
    {
        var route = OdooRouteClassifier.Classify(Encoding.UTF8.GetBytes(path));
        Assert.Equal(group, route.Group);
        Assert.Equal(model, Encoding.UTF8.GetString(route.Model));
        Assert.Equal(method, Encoding.UTF8.GetString(route.Method));
    }

    [Theory]
    // 12 to 18 web clients: ORM calls carry /MODEL/METHOD.
    [InlineData("/web/dataset/call_kw/res.partner/name_search", "res.partner", "name_search")]
    [InlineData("/web/dataset/call_kw/sale.order/onchange", "sale.order", "onchange")]
    [InlineData("/web/dataset/call_kw/sale.order/default_get", "sale.order", "default_get")]
    [InlineData("/web/dataset/call_kw/res.users/has_group", "res.users", "has_group")]
    [InlineData("/web/dataset/call_kw/ir.ui.menu/load_menus_root", "ir.ui.menu", "load_menus_root")]
    [InlineData("/web/dataset/call_kw/account.move/read_group", "account.move", "read_group")]
    [InlineData("/web/dataset/call_kw/account.move.line/web_read_group", "account.move.line", "web_read_group")]
    [InlineData("/web/dataset/call_kw/res.partner/get_views", "res.partner", "get_views")]
    [InlineData("/web/dataset/call_kw/sale.order/web_save", "sale.order", "web_save")]
    [InlineData("/web/dataset/call_kw/stock.picking/button_validate", "stock.picking", "button_validate")]
    [InlineData("/web/dataset/call_kw/x_studio_custom_model/create", "x_studio_custom_model", "create")]
    [InlineData("/web/dataset/call_kw/ir.actions.act_window/write", "ir.actions.act_window", "write")]
    [InlineData("/web/dataset/call_kw/res.partner/name_search?debug=1", "res.partner", "name_search")]
    // Callers that send no suffix (scripts, 12's legacy code): the model is unknown.
    [InlineData("/web/dataset/call_kw")]
    [InlineData("/web/dataset/call_kw/")]
    [InlineData("/web/dataset/call_kw?debug=assets")]
    // 12's other dataset routes.
    [InlineData("/web/dataset/call")]
    [InlineData("/web/dataset/resequence")]
    // Odoo 19: the server appends #MODEL.METHOD when the path suffix is not MODEL.METHOD, and trusts the body, not the path.
    [InlineData("/web/dataset/call_kw#sale.order.action_confirm", "sale.order", "action_confirm")]
    [InlineData("/web/dataset/call_kw/res.partner/onchange#res.partner.onchange", "res.partner", "onchange")]
    [InlineData("/web/dataset/call_kw/res.partner/read#sale.order.write", "sale.order", "write")]
    [InlineData("/web/dataset/call_kw/res.partner.name_search", "res.partner", "name_search")]
    [InlineData("/web/dataset/call_kw/mail.thread.message_post", "mail.thread", "message_post")]
    public void Orm_calls_are_call_kw_with_model_and_method(string path, string model = "", string method = "")
    {
        AssertRoute(path, OdooRouteGroup.CallKw, model, method);
    }

    [Theory]
    [InlineData("/web/dataset/search_read")] // 12 to 15: the legacy search_read route, model only in the body
    [InlineData("/web/dataset/call_kw/res.partner/search_read", "res.partner", "search_read")]
    [InlineData("/web/dataset/call_kw/product.product/web_search_read", "product.product", "web_search_read")] // 15+
    [InlineData("/web/dataset/call_kw/crm.lead/web_search_read?x=1", "crm.lead", "web_search_read")]
    [InlineData("/web/dataset/call_kw/res.partner/web_search_read#res.partner.web_search_read", "res.partner", "web_search_read")] // 19
    [InlineData("/web/dataset/call_kw#res.partner.search_read", "res.partner", "search_read")] // 19, client without suffix
    [InlineData("/web/dataset/call_kw/hr.employee.web_search_read", "hr.employee", "web_search_read")] // 19 dotted form
    public void Search_reads_are_their_own_group(string path, string model = "", string method = "")
    {
        AssertRoute(path, OdooRouteGroup.SearchRead, model, method);
    }

    [Theory]
    [InlineData("/web/dataset/call_kw/res.partner/read", "res.partner", "read")] // 12 to 16 form views
    [InlineData("/web/dataset/call_kw/sale.order/web_read", "sale.order", "web_read")] // 17+
    [InlineData("/web/dataset/call_kw/res.users/read?unique=1", "res.users", "read")]
    [InlineData("/web/dataset/call_kw/sale.order/web_read#sale.order.web_read", "sale.order", "web_read")] // 19
    [InlineData("/web/dataset/load")] // 12
    public void Reads_are_their_own_group(string path, string model = "", string method = "")
    {
        AssertRoute(path, OdooRouteGroup.Read, model, method);
    }

    [Theory]
    [InlineData("/web/dataset/call_button")] // 12 to 17.0
    [InlineData("/web/dataset/call_button/sale.order/action_confirm", "sale.order", "action_confirm")] // 17.1+
    [InlineData("/web/dataset/call_button/account.move/action_post#account.move.action_post", "account.move", "action_post")] // 19
    [InlineData("/web/dataset/call_button#purchase.order.button_confirm", "purchase.order", "button_confirm")] // 19
    [InlineData("/web/action/load")]
    [InlineData("/web/action/run")]
    [InlineData("/web/action/load_breadcrumbs")] // 17+
    public void Buttons_and_actions_are_action(string path, string model = "", string method = "")
    {
        AssertRoute(path, OdooRouteGroup.Action, model, method);
    }

    [Theory]
    [InlineData("/report/pdf/sale.report_saleorder/42")]
    [InlineData("/report/html/account.report_invoice/7,8")]
    [InlineData("/report/download")]
    [InlineData("/report/check_wkhtmltopdf")]
    [InlineData("/report/barcode/?barcode_type=QR&value=abc&width=128&height=128")]
    [InlineData("/report/barcode/Code128/ABC123")]
    [InlineData("/web/report/download")]
    [InlineData("/web/export/xlsx")]
    [InlineData("/web/export/csv")]
    [InlineData("/web/export/formats")]
    [InlineData("/web/pivot/export_xlsx")]
    public void Reports_and_exports_are_report(string path)
    {
        AssertRoute(path, OdooRouteGroup.Report);
    }

    [Theory]
    [InlineData("/longpolling/poll")] // 12 to 15
    [InlineData("/longpolling/im_status")]
    [InlineData("/websocket?version=17.0-3")] // 16+
    [InlineData("/websocket")]
    [InlineData("/websocket/peek_notifications")]
    [InlineData("/websocket/update_bus_presence")]
    [InlineData("/bus/websocket_worker_bundle?v=1.0.7")]
    [InlineData("/bus/im_status")]
    public void Longpolling_and_websocket_are_bus(string path)
    {
        AssertRoute(path, OdooRouteGroup.Bus);
    }

    [Theory]
    [InlineData("/web/static/src/img/favicon.ico")]
    [InlineData("/web/static/lib/fontawesome/fonts/fontawesome-webfont.woff2?v=4.7.0")]
    [InlineData("/sale/static/description/icon.png")]
    [InlineData("/base/static/img/avatar_grey.png")]
    [InlineData("/website/static/src/img/snippets_thumbs/s_cover.svg")]
    [InlineData("/theme_clean/static/src/img/pictures/bg.jpg")]
    [InlineData("/web/assets/1-a1b2c3d/web.assets_backend.min.js")] // 15, 16
    [InlineData("/web/assets/a1b2c3d/web.assets_web.min.js")] // 17+
    [InlineData("/web/assets/debug/web.assets_backend.js")]
    [InlineData("/web/webclient/locale/fr_FR")] // 12 to 15
    [InlineData("/web/webclient/qweb/4f1a9c?mods=web,base")] // 12 to 15
    [InlineData("/web/webclient/translations/5e1a22?lang=fr_FR")] // 13+
    [InlineData("/web/webclient/load_menus/8d2f31")] // 13+
    [InlineData("/web/webclient/version_info")]
    [InlineData("/web/webclient/bootstrap_translations")]
    [InlineData("/web/bundle/web.assets_emoji?lang=en_US")] // 16+
    [InlineData("/web/manifest.webmanifest")]
    [InlineData("/web/service-worker.js")]
    [InlineData("/favicon.ico")]
    public void Assets_and_boot_resources_are_static(string path)
    {
        AssertRoute(path, OdooRouteGroup.Static);
    }

    [Theory]
    [InlineData("/web/image?model=res.users&field=image_small&id=3")] // 12
    [InlineData("/web/image/res.partner/3/avatar_128")] // 14+
    [InlineData("/web/image/res.company/1/logo?unique=1")]
    [InlineData("/web/image/product.template/12/image_1024/Desk?unique=abc")]
    [InlineData("/web/content/123-abcdef/web.assets_common.0.css")] // 12 to 14 served assets as attachments
    [InlineData("/web/content/42?download=true")]
    [InlineData("/web/content?model=ir.attachment&id=1&field=datas")]
    [InlineData("/web/binary/company_logo")]
    [InlineData("/web/binary/upload_attachment")]
    public void Images_and_attachments_are_content(string path)
    {
        AssertRoute(path, OdooRouteGroup.Content);
    }

    [Theory]
    [InlineData("/xmlrpc/2/object")]
    [InlineData("/xmlrpc/2/common")]
    [InlineData("/xmlrpc/object")]
    [InlineData("/xmlrpc/db")]
    [InlineData("/xmlrpc/2/object#res.partner.search_read", "res.partner", "search_read")] // 19
    [InlineData("/xmlrpc/2/object#<script>")]
    public void Xmlrpc_is_xmlrpc(string path, string model = "", string method = "")
    {
        AssertRoute(path, OdooRouteGroup.XmlRpc, model, method);
    }

    [Theory]
    [InlineData("/jsonrpc")]
    [InlineData("/jsonrpc#sale.order.create", "sale.order", "create")] // 19
    [InlineData("/jsonrpc#account.move.line.read_group", "account.move.line", "read_group")] // 19
    // A fragment is split at its last dot, as Odoo writes it (f"{model}.{method}"): both halves have the right shapes here.
    [InlineData("/jsonrpc#sale.order", "sale", "order")]
    [InlineData("/jsonrpc#res.partner.", "", "")]
    public void Jsonrpc_is_jsonrpc(string path, string model = "", string method = "")
    {
        AssertRoute(path, OdooRouteGroup.JsonRpc, model, method);
    }

    [Theory]
    [InlineData("/json/2/res.partner/search_read", "res.partner", "search_read")]
    [InlineData("/json/2/sale.order/action_confirm?lang=fr_FR", "sale.order", "action_confirm")]
    [InlineData("/json/2/res.partner/../../web", "", "")]
    [InlineData("/json/2/Res.Partner/read", "", "read")]
    [InlineData("/json/2/res.partner", "res.partner", "")]
    public void Json2_is_json2(string path, string model, string method)
    {
        AssertRoute(path, OdooRouteGroup.Json2, model, method);
    }

    [Theory]
    [InlineData("/web/login")]
    [InlineData("/web/login?redirect=%2Fweb%3F")]
    [InlineData("/web/login/totp")]
    [InlineData("/web/session/authenticate")]
    [InlineData("/web/session/get_session_info")]
    [InlineData("/web/session/logout")]
    [InlineData("/web/session/logout?redirect=/web")]
    [InlineData("/web/session/destroy")]
    [InlineData("/web/logout")]
    [InlineData("/web/signup")]
    [InlineData("/web/reset_password?token=abc")]
    [InlineData("/web/become")]
    [InlineData("/web")] // the page that boots the web client
    [InlineData("/web/")]
    [InlineData("/web?debug=1")]
    [InlineData("/odoo")] // 17.2+
    [InlineData("/odoo/action-sale.action_orders")] // 18
    [InlineData("/odoo/sales/42")]
    [InlineData("/auth_oauth/signin?state=abc")]
    [InlineData("/auth_signup/reset_password")]
    public void Login_and_session_are_session(string path)
    {
        AssertRoute(path, OdooRouteGroup.Session);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?utm_source=newsletter")]
    [InlineData("/shop")]
    [InlineData("/shop/page/2")]
    [InlineData("/shop/cart")]
    [InlineData("/shop/cart/update_json")]
    [InlineData("/shop/customizable-desk-9")]
    [InlineData("/shop/product/customizable-desk-9")] // 12
    [InlineData("/shop/checkout?express=1")]
    [InlineData("/blog")]
    [InlineData("/blog/our-news-1/post-title-3")]
    [InlineData("/event")]
    [InlineData("/event/openwood-collection-online-reveal-2/register")]
    [InlineData("/contactus")]
    [InlineData("/aboutus")]
    [InlineData("/page/contactus")] // 12 pages
    [InlineData("/forum/help-1")]
    [InlineData("/slides/all")]
    [InlineData("/jobs")]
    [InlineData("/customers")]
    [InlineData("/appointment/1")]
    [InlineData("/website/info")]
    [InlineData("/website/translations/abc?lang=en_US")]
    [InlineData("/website_sale/get_combination_info")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/fr")]
    [InlineData("/fr/shop")]
    [InlineData("/fr_BE/blog")]
    [InlineData("/es_419/shop/cart")]
    [InlineData("/sr@latin/shop")]
    [InlineData("/pt_BR")]
    public void Website_pages_are_website(string path)
    {
        AssertRoute(path, OdooRouteGroup.Website);
    }

    [Theory]
    [InlineData("/my")]
    [InlineData("/my/home")]
    [InlineData("/my/orders")]
    [InlineData("/my/orders/12?access_token=abc")]
    [InlineData("/my/invoices/12?access_token=abc&report_type=pdf&download=true")]
    [InlineData("/my/account")]
    [InlineData("/fr/my/orders")]
    [InlineData("/fr_FR/my")]
    public void Customer_portal_is_portal(string path)
    {
        AssertRoute(path, OdooRouteGroup.Portal);
    }

    [Theory]
    [InlineData("/mail/init_messaging")] // 15, 16
    [InlineData("/mail/data")] // 17+
    [InlineData("/mail/action")]
    [InlineData("/discuss/channel/messages")]
    [InlineData("/web/health")]
    [InlineData("/web/health?db_server_status=1")]
    [InlineData("/web/database/selector")]
    [InlineData("/web/database/backup")]
    [InlineData("/web/tests?mod=web")]
    [InlineData("/api/v1/orders")]
    [InlineData("/api")]
    [InlineData("/crm")]
    [InlineData("/payment/status")]
    [InlineData("/calendar/meeting/accept?token=x")]
    [InlineData("/mail/view?model=sale.order&res_id=1")]
    [InlineData("/shopping")] // not /shop
    [InlineData("/events/2024")] // not /event
    [InlineData("/json/1/res.partner/read")]
    [InlineData("/fr/web/login")] // a language prefix only applies to website and portal pages
    public void Everything_else_is_controller(string path)
    {
        AssertRoute(path, OdooRouteGroup.Controller);
    }
}

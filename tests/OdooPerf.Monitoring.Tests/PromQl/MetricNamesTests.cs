using Xunit;

namespace OdooPerf.Monitoring.Tests.PromQl;

public sealed class MetricNamesTests
{
    [Theory]
    [InlineData("odoo_up == 0", "odoo_up")]
    [InlineData("sum by (instance, le) (rate(odoo_http_request_duration_seconds_bucket{route!~\"bus|report\"}[5m]))", "odoo_http_request_duration_seconds_bucket")]
    [InlineData("node_load5 / on (instance) count by (instance) (node_cpu_seconds_total{mode=\"idle\"}) > 2", "node_load5 node_cpu_seconds_total")]
    [InlineData("odoo:http_request_errors:ratio_rate1h > (14.4 * 0.005) and odoo:http_request_errors:ratio_rate5m > 1e-3", "odoo:http_request_errors:ratio_rate1h odoo:http_request_errors:ratio_rate5m")]
    [InlineData("a * on (x) group_left (y, z) b offset 5m", "a b")]
    [InlineData("topk(10, sum without (cpu) (rate(m{label=\"by (x) y\"}[$__rate_interval])))", "m")]
    [InlineData("abs(node_time_seconds - timestamp(node_time_seconds)) > 2", "node_time_seconds")]
    [InlineData("count(ALERTS{alertstate=\"firing\"}) or vector(0)", "ALERTS")]
    [InlineData("sum_over_time((x and on() (hour() >= 7 < 19))[1d:5m])", "x")]
    [InlineData("predict_linear(node_filesystem_avail_bytes[6h], 24 * 3600) < 0", "node_filesystem_avail_bytes")]
    public void Finds_the_metrics_and_nothing_else(string expression, string expected)
    {
        Assert.Equal(expected.Split(' ').Order(), MetricNames.In(expression).Order());
    }
}

using OkrLinker.Worker.Web;

namespace OkrLinker.Worker.Tests.Web;

public sealed class PrometheusWriterTests
{
    [Fact]
    public void A_family_is_help_then_type_then_its_samples_with_label_values_escaped()
    {
        var family = new PrometheusFamily("okrlinker_x_total", PrometheusType.Counter, "Counts \\ things\nper source.")
            .Add(3, ("source", "a\\b\"c\nd"))
            .Add(0.25, ("source", "plain"), ("team", "web"));
        var gauge = new PrometheusFamily("okrlinker_y", PrometheusType.Gauge, "A gauge.").Add(7);

        var text = PrometheusWriter.Write([family, gauge]);

        Assert.Equal(
            "# HELP okrlinker_x_total Counts \\\\ things\\nper source.\n"
            + "# TYPE okrlinker_x_total counter\n"
            + "okrlinker_x_total{source=\"a\\\\b\\\"c\\nd\"} 3\n"
            + "okrlinker_x_total{source=\"plain\",team=\"web\"} 0.25\n"
            + "# HELP okrlinker_y A gauge.\n"
            + "# TYPE okrlinker_y gauge\n"
            + "okrlinker_y 7\n",
            text);
        Assert.Equal(3, PrometheusScrape.Parse(text).Value("okrlinker_x_total", ("source", "a\\b\"c\nd")));
    }

    [Theory]
    [InlineData(0d, "0")]
    [InlineData(1795168800d, "1795168800")]
    [InlineData(0.4286, "0.4286")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")] // round-trips, never rounds away a difference
    [InlineData(0.00001, "1E-05")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Values_are_written_in_go_float_syntax(double value, string written) =>
        Assert.Equal(written, PrometheusWriter.FormatValue(value));

    [Theory]
    [InlineData("okrlinker-requests")]
    [InlineData("9lives")]
    [InlineData("")]
    public void An_invalid_metric_name_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => new PrometheusFamily(name, PrometheusType.Gauge, "help"));

    [Theory]
    [InlineData("status-class")]
    [InlineData("__reserved")]
    public void An_invalid_label_name_is_refused(string label) =>
        Assert.Throws<ArgumentException>(() => new PrometheusFamily("okrlinker_z", PrometheusType.Gauge, "help").Add(1, (label, "v")));
}

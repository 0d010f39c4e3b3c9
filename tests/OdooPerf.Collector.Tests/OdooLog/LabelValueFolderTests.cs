using OdooPerf.Collector.OdooLog;
using Prometheus;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog;

public sealed class LabelValueFolderTests
{
    private readonly Counter _folded = Metrics.WithCustomRegistry(Metrics.NewCustomRegistry())
        .CreateCounter("folded_total", "test", new CounterConfiguration { LabelNames = ["metric", "label"] });

    [Fact]
    public void A_value_gets_its_label_once_seen_often_enough_and_keeps_it()
    {
        var folder = new LabelValueFolder(capacity: 5, admitAfter: 3, _folded, "m", "model");

        Assert.Equal("other", folder.Fold("res.partner"u8));
        Assert.Equal("other", folder.Fold("res.partner"u8));
        Assert.Equal("res.partner", folder.Fold("res.partner"u8));
        Assert.Equal("res.partner", folder.Fold("res.partner"u8));
        Assert.Equal(2, _folded.WithLabels("m", "model").Value);
    }

    [Fact]
    public void Past_the_capacity_new_values_fold_into_other_and_admitted_ones_stay()
    {
        var folder = new LabelValueFolder(capacity: 2, admitAfter: 1, _folded, "m", "model");

        Assert.Equal("a", folder.Fold("a"u8));
        Assert.Equal("b", folder.Fold("b"u8));
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("other", folder.Fold("c"u8));
        }

        Assert.Equal("a", folder.Fold("a"u8));
        Assert.Equal(2, folder.AdmittedCount);
        Assert.Equal(100, _folded.WithLabels("m", "model").Value);
    }

    [Fact]
    public void One_off_values_never_take_a_slot_and_the_candidate_table_stays_bounded()
    {
        var folder = new LabelValueFolder(capacity: 3, admitAfter: 2, _folded, "m", "model");

        for (var i = 0; i < 10_000; i++)
        {
            Assert.Equal("other", folder.Fold($"scanner.junk{i}"));
        }

        Assert.Equal(0, folder.AdmittedCount);
        folder.Fold("sale.order");
        Assert.Equal("sale.order", folder.Fold("sale.order"));
    }

    [Fact]
    public void Empty_stays_empty_and_oversized_or_invalid_utf8_folds()
    {
        var folder = new LabelValueFolder(capacity: 3, admitAfter: 1, _folded, "m", "model");

        Assert.Equal(string.Empty, folder.Fold(ReadOnlySpan<byte>.Empty));
        Assert.Equal("other", folder.Fold(new byte[] { 0xff, 0xfe, 0x41 }));
        Assert.Equal("other", folder.Fold(new byte[500]));
        Assert.Equal(0, folder.AdmittedCount);
    }
}

using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Metrics;
using Aro.Core.Results;
using Xunit;

namespace Aro.Core.Tests.Metrics;

/// <summary>Micro and macro accuracy from a <see cref="GroupTally"/>, with each subset's group filter, on hand-computed cases.</summary>
public sealed class GroupTallyTests
{
    [Fact]
    public void Relation_macro_leaves_out_the_excluded_relations_but_micro_counts_them()
    {
        var metrics = new GroupTally();
        // "on": 1 of 2 right; "near" (excluded): 2 of 2 right; "holding": 0 of 1 right.
        metrics.Add("on", true);
        metrics.Add("on", false);
        metrics.Add("near", true);
        metrics.Add("near", true);
        metrics.Add("holding", false);

        var summary = SubsetSummary.From(VgRelationSubset.Instance, metrics);

        Assert.Equal(5, summary.Samples);
        Assert.Equal(3.0 / 5, summary.MicroAccuracy, 12);
        Assert.Equal((0.5 + 0.0) / 2, summary.MacroAccuracy, 12);
        Assert.Equal(2, summary.IncludedGroups);
        Assert.Equal(["holding", "near", "on"], summary.Groups.Select(g => g.Group));
        Assert.False(summary.Groups.Single(g => g.Group == "near").Included);
        Assert.Equal(summary.MacroAccuracy, summary.MetricOfRecord);
    }

    [Fact]
    public void Attribution_macro_keeps_pairs_with_at_least_25_cases()
    {
        var metrics = new GroupTally();
        for (var i = 0; i < 25; i++)
        {
            metrics.Add("red_blue", i < 20);
        }

        for (var i = 0; i < 24; i++)
        {
            metrics.Add("old_young", true);
        }

        var summary = SubsetSummary.From(VgAttributionSubset.Instance, metrics);

        Assert.Equal(20.0 / 25, summary.MacroAccuracy, 12);
        Assert.Equal(44.0 / 49, summary.MicroAccuracy, 12);
        Assert.Equal(1, summary.IncludedGroups);
    }

    [Fact]
    public void Order_reports_precision_at_1_as_both_numbers()
    {
        var metrics = new GroupTally();
        metrics.Add("coco-order", true);
        metrics.Add("coco-order", false);
        metrics.Add("coco-order", false);

        var summary = SubsetSummary.From(OrderSubset.Coco, metrics);

        Assert.Equal(1.0 / 3, summary.MicroAccuracy, 12);
        Assert.Equal(summary.MicroAccuracy, summary.MacroAccuracy);
        Assert.Equal(summary.MicroAccuracy, summary.MetricOfRecord);
    }

    [Fact]
    public void Group_order_is_ordinal()
    {
        var metrics = new GroupTally();
        foreach (var group in new[] { "in front of", "in", "Zebra", "in between" })
        {
            metrics.Add(group, true);
        }

        Assert.Equal(["Zebra", "in", "in between", "in front of"], SubsetSummary.From(VgRelationSubset.Instance, metrics).Groups.Select(g => g.Group));
    }

    [Fact]
    public void The_excluded_list_has_the_157_notebook_relations()
    {
        Assert.Equal(157, ExcludedRelations.Ordered.Count);
        Assert.Equal(157, ExcludedRelations.Names.Count);
        Assert.Equal("adjusting", ExcludedRelations.Ordered[0]);
        Assert.Equal("around", ExcludedRelations.Ordered[^1]);
        Assert.DoesNotContain("on", ExcludedRelations.Names);
        Assert.Contains("next to", ExcludedRelations.Names);
    }
}

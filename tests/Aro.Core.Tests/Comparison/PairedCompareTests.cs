using System.Text.Json;
using Aro.Core.Reports.Comparison;
using Aro.Core.Statistics;
using Aro.Core.Tests.Statistics;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Comparison;

/// <summary>
/// <c>aro compare</c> pairs two runs' predictions by case id: the paired difference, its interval and McNemar's p
/// equal scripts/make_stats_reference.py's for the same cases written as results folders, and
/// <c>--max-drop significant</c> fails exactly when the interval lies below 0.
/// </summary>
public sealed class PairedCompareTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("vg-like", "macro")]
    [InlineData("order-like", "p@1")]
    [InlineData("small", "macro")]
    public void The_paired_comparison_of_two_folders_is_the_reference_one(string dataset, string metric)
    {
        var reference = StatisticsReference.Dataset(dataset);
        var expected = reference.GetProperty("paired");
        WriteFolders(reference, metric);

        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds(1), StatisticsReference.Settings(reference));

        var subset = Assert.Single(result.Subsets);
        var comparison = subset.Pairing?.Comparison;
        Assert.NotNull(comparison);
        Assert.Equal(expected.GetProperty("paired").GetInt32(), comparison.Cases);
        Assert.Equal(expected.GetProperty("only_in_baseline").GetInt32(), subset.Pairing!.OnlyInBaseline);
        Assert.Equal(expected.GetProperty("only_in_candidate").GetInt32(), subset.Pairing.OnlyInCandidate);
        var difference = expected.GetProperty(metric == "macro" ? "macro" : "micro");
        Assert.Equal(difference.GetProperty("difference").GetDouble(), subset.Paired!.Difference, 1e-12);
        Assert.Equal(difference.GetProperty("interval")[0].GetDouble(), subset.Paired.Interval.Lower, 1e-12);
        Assert.Equal(difference.GetProperty("interval")[1].GetDouble(), subset.Paired.Interval.Upper, 1e-12);
        var p = expected.GetProperty("mcnemar_p").GetDouble();
        Assert.Equal(p, comparison.McNemarP, p * 1e-12);
    }

    [Theory]
    [InlineData("vg-like", DeltaStatus.Drop)]
    [InlineData("small", DeltaStatus.Ok)]
    public void A_significant_gate_fails_only_when_the_interval_lies_below_zero(string dataset, DeltaStatus status)
    {
        var reference = StatisticsReference.Dataset(dataset);
        WriteFolders(reference, "macro");
        var interval = reference.GetProperty("paired").GetProperty("macro").GetProperty("interval");
        Assert.Equal(status == DeltaStatus.Drop, interval[1].GetDouble() < 0);

        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), ComparisonThresholds.Parse("significant", null), StatisticsReference.Settings(reference));

        Assert.Equal(status, Assert.Single(result.Subsets).Status);
        Assert.Equal(status == DeltaStatus.Ok, result.Passed);
        Assert.EndsWith(status == DeltaStatus.Ok ? "OK: no significant drop in 1 subsets" : "FAIL: 1 significant drop(s) in 1 subsets", ComparisonText.Verdict(result));
    }

    [Fact]
    public void Without_predictions_a_significant_gate_fails_on_any_drop_and_says_why()
    {
        new HandWrittenResults(_temp.File("base")).Summary(("relation", 100, 3, 0.5, 0.5));
        new HandWrittenResults(_temp.File("cand")).Summary(("relation", 100, 3, 0.5, 0.4999999));

        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), ComparisonThresholds.Parse("significant", null));

        Assert.Equal(DeltaStatus.Drop, Assert.Single(result.Subsets).Status);
        Assert.Contains(result.Notes, n => n.StartsWith("relation: no paired comparison (", StringComparison.Ordinal) && n.Contains("fails it on any drop", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0.01", 0.01, false)]
    [InlineData("significant", 0, true)]
    [InlineData(" Significant ", 0, true)]
    public void Max_drop_reads_a_share_or_the_word_significant(string text, double maxDrop, bool significant)
    {
        var thresholds = ComparisonThresholds.Parse(text, null);
        Assert.Equal((maxDrop, significant), (thresholds.MaxDrop, thresholds.SignificantOnly));
        var error = Assert.Throws<AroInputException>(() => ComparisonThresholds.Parse("one point", null));
        Assert.Contains("'significant'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_seeds_pair_case_by_case_within_each_seed()
    {
        // Seed 1: the candidate loses case b; seed 2: it wins case a. The paired difference is that of the means.
        foreach (var (folder, seed1, seed2) in new[] { ("base", (true, true), (false, true)), ("cand", (true, false), (true, true)) })
        {
            new HandWrittenResults(_temp.File(folder)).Summary(("coco-order", 2, 1, 0.5, 0.5))
                .Groups("coco-order.seed-1", ("coco-order", 2, 0.5, true))
                .Predictions("coco-order.seed-1", [("a", "coco-order", seed1.Item1), ("b", "coco-order", seed1.Item2)])
                .Predictions("coco-order.seed-2", [("a", "coco-order", seed2.Item1), ("b", "coco-order", seed2.Item2)]);
        }

        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds());

        var pairing = Assert.Single(result.Subsets).Pairing!;
        Assert.Equal([1, 2], pairing.Seeds);
        Assert.Equal((4, 2, 1, 1, 0), (pairing.Comparison!.Cases, pairing.Comparison.BothCorrect, pairing.Comparison.BaselineOnly, pairing.Comparison.CandidateOnly, pairing.Comparison.BothWrong));
        Assert.Equal(0, pairing.Comparison.Micro.Difference);
        Assert.Equal(1.0, pairing.Comparison.McNemarP);
    }

    [Fact]
    public void Winoground_pairs_its_instances_on_the_group_score()
    {
        // One row per instance; the group score is the metric of record. Instance 2 is lost, instance 4 won.
        const string header = "index,id,collapsed_tag,text_correct,image_correct,group_correct,s_c0_i0,s_c0_i1,s_c1_i0,s_c1_i1";
        foreach (var (folder, groups) in new[] { ("base", new[] { true, true, false, false }), ("cand", new[] { true, false, false, true }) })
        {
            new HandWrittenResults(_temp.File(folder)).Summary(("winoground", 4, 2, 0.5, 0.5))
                .Write("winoground.predictions.csv", header, groups.Select((g, i) =>
                    FormattableString.Invariant($"{i},{i + 1},{(i < 2 ? "Object" : "Relation")},true,{(g ? "true" : "false")},{(g ? "true" : "false")},0.3,0.1,0.1,0.3")));
        }

        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), ComparisonThresholds.Parse("significant", null));

        var subset = Assert.Single(result.Subsets);
        var comparison = subset.Pairing!.Comparison!;
        Assert.Equal((4, 1, 1, 1, 1), (comparison.Cases, comparison.BothCorrect, comparison.BaselineOnly, comparison.CandidateOnly, comparison.BothWrong));
        Assert.Equal(0, comparison.Micro.Difference);
        Assert.Equal(1.0, comparison.McNemarP);
        Assert.Equal(DeltaStatus.Ok, subset.Status);
        Assert.DoesNotContain(result.Notes, n => n.Contains("no paired comparison", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_junit_and_markdown_carry_the_paired_numbers()
    {
        var reference = StatisticsReference.Dataset("vg-like");
        WriteFolders(reference, "macro");
        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), ComparisonThresholds.Parse("significant", null));

        ComparisonJson.Write(_temp.File("out.json"), result);
        using var json = JsonDocument.Parse(File.ReadAllText(_temp.File("out.json")));
        Assert.Equal("significant", json.RootElement.GetProperty("max_drop").GetString());
        var paired = json.RootElement.GetProperty("subsets")[0].GetProperty("paired");
        Assert.Equal(2408, paired.GetProperty("cases").GetInt32());
        Assert.True(paired.GetProperty("macro").GetProperty("significant_drop").GetBoolean());

        var junit = JUnitReport.Format("aro compare", [ComparisonReports.JUnit(result)]);
        Assert.Contains("<failure message=\"relation macro: ", junit, StringComparison.Ordinal);
        Assert.Contains("McNemar p 2.2e-04", junit, StringComparison.Ordinal);

        var markdown = MarkdownSummary.Format(ComparisonReports.Markdown(result));
        Assert.Contains("| relation | macro | 2,408 |", markdown, StringComparison.Ordinal);
        Assert.Contains("❌ **DROP**", markdown, StringComparison.Ordinal);
    }

    /// <summary>The dataset's two runs as results folders of one subset, "relation", with the rule's included flags.</summary>
    private void WriteFolders(JsonElement reference, string metric)
    {
        var rule = StatisticsReference.Rule(reference);
        foreach (var (folder, run) in new[] { ("base", "baseline_cases"), ("cand", "candidate_cases") })
        {
            var subset = metric == "macro" ? "relation" : "coco-order";

            // The Order-like dataset's one group has no name; an Order subset's group is the subset's name.
            var cases = StatisticsReference.Cases(reference, run).Select(c => c.Group.Length == 0 ? c with { Group = subset } : c).ToList();
            var results = new HandWrittenResults(_temp.File(folder)).Summary((subset, cases.Count, 1, 0.5, 0.5))
                .Predictions(subset, cases.Select(c => (c.Id, c.Group, c.Correct)));
            if (folder == "base")
            {
                // The reference includes a group by its paired count; the folders' group tables count every case of
                // the baseline, so the flags are computed from the paired cases, as the reference does.
                var candidateIds = StatisticsReference.Cases(reference, "candidate_cases").Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
                var named = rule;
                rule = (group, count) => named(group == subset && metric != "macro" ? "" : group, count);
                var groups = cases.Where(c => candidateIds.Contains(c.Id)).GroupBy(c => c.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (g.Key, g.Count(), (double)g.Count(c => c.Correct) / g.Count(), rule(g.Key, g.Count())))
                    .ToArray();
                results.Groups(subset, groups);
            }
        }
    }
}

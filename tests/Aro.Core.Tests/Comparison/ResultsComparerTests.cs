using System.Text.Json;
using Aro.Core.Perturbations;
using Aro.Core.Reports.Comparison;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Comparison;

/// <summary>The regression gate: thresholds, metrics of record, groups, added and removed subsets, bad input.</summary>
[Collection(EvaluatedResultsCollection.Name)]
public sealed class ResultsComparerTests(EvaluatedResults results) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0.7899999, DeltaStatus.Drop)]
    [InlineData(0.7900000, DeltaStatus.Ok)]
    [InlineData(0.7900001, DeltaStatus.Ok)]
    [InlineData(0.9000000, DeltaStatus.Ok)]
    public void Drop_beyond_the_threshold_fails_and_a_drop_equal_to_it_passes(double candidateMacro, DeltaStatus expected)
    {
        Folder("base").Summary(("relation", 100, 10, 0.5, 0.8));
        Folder("cand").Summary(("relation", 100, 10, 0.5, candidateMacro));

        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds(0.01));

        var subset = Assert.Single(result.Subsets);
        Assert.Equal(expected, subset.Status);
        Assert.Equal(Math.Round(candidateMacro - 0.8, 7), subset.Delta);
        Assert.Equal(expected == DeltaStatus.Ok, result.Passed);
    }

    [Fact]
    public void Vg_subsets_compare_macro_and_order_subsets_precision_at_1()
    {
        Folder("base").Summary(("relation", 100, 10, 0.50, 0.80), ("coco-order", 100, 1, 0.50, 0.90));
        Folder("cand").Summary(("relation", 100, 10, 0.10, 0.80), ("coco-order", 100, 1, 0.45, 0.99));

        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds());

        Assert.Equal(
            [new SubsetDelta("relation", "macro", 0.8, 0.8, 0, DeltaStatus.Ok), new SubsetDelta("coco-order", "p@1", 0.5, 0.45, -0.05, DeltaStatus.Drop)],
            result.Subsets.Select(s => s with { Pairing = null }));
        Assert.All(result.Subsets, s => Assert.EndsWith($"has no {s.Subset}.predictions.csv", s.Pairing!.Unavailable, StringComparison.Ordinal));
        Assert.Equal(1, result.Drops);
    }

    [Fact]
    public void Added_and_removed_subsets_are_listed_without_failing()
    {
        Folder("base").Summary(("relation", 100, 10, 0.5, 0.8), ("attribution", 50, 2, 0.5, 0.7));
        Folder("cand").Summary(("flickr-order", 20, 1, 0.3, 0.3), ("relation", 100, 10, 0.5, 0.8));

        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds());

        Assert.Equal(
            [("relation", DeltaStatus.Ok), ("attribution", DeltaStatus.Removed), ("flickr-order", DeltaStatus.Added)],
            result.Subsets.Select(s => (s.Subset, s.Status)));
        Assert.Null(result.Subsets[1].Candidate);
        Assert.Null(result.Subsets[2].Baseline);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Nothing_in_common_is_an_input_error()
    {
        Folder("base").Summary(("relation", 100, 10, 0.5, 0.8));
        Folder("cand").Summary(("attribution", 100, 10, 0.5, 0.8));

        var error = Assert.Throws<AroInputException>(() => ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds()));

        Assert.Contains("(relation) and ", error.Message);
        Assert.Contains("(attribution) have no subset in common", error.Message);
    }

    [Fact]
    public void Group_threshold_checks_every_group_both_runs_include()
    {
        Folder("base").Summary(("relation", 100, 3, 0.5, 0.5))
            .Groups("relation", ("above", 40, 0.50, true), ("below", 40, 0.50, true), ("near", 40, 0.90, false), ("gone", 10, 0.5, true));
        Folder("cand").Summary(("relation", 100, 3, 0.5, 0.5))
            .Groups("relation", ("above", 40, 0.44, true), ("below", 40, 0.45, true), ("near", 40, 0.10, false), ("new", 10, 0.1, true));

        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds(0.01, 0.05));

        Assert.Equal([("above", DeltaStatus.Drop), ("below", DeltaStatus.Ok)], result.Groups.Select(g => (g.Group, g.Status)));
        Assert.Equal(-0.06, result.Groups[0].Delta);
        Assert.Equal(1, result.Drops);
        Assert.Contains(result.Notes, n => n.Contains("1 group(s) the baseline includes are not included in the candidate", StringComparison.Ordinal));
        var subsetsOnly = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds(0.01));
        Assert.Empty(subsetsOnly.Groups);
        Assert.True(subsetsOnly.Passed);
    }

    [Fact]
    public void Group_threshold_without_group_tables_names_the_missing_file()
    {
        Folder("base").Summary(("relation", 100, 3, 0.5, 0.5)).Groups("relation", ("above", 40, 0.5, true));
        Folder("cand").Summary(("relation", 100, 3, 0.5, 0.5));

        var error = Assert.Throws<AroInputException>(() =>
            ResultsComparer.Compare(_temp.File("base", "summary.csv"), _temp.File("cand", "summary.csv"), new ComparisonThresholds(0.01, 0.05)));

        Assert.StartsWith(_temp.File("cand", "relation.groups.csv") + ": file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_candidate_names_file_line_and_field()
    {
        Folder("base").Summary(("relation", 100, 3, 0.5, 0.5));
        Folder("cand").Write("summary.csv", "subset,samples,groups,micro_accuracy,macro_accuracy\nrelation,100,3,0.5,0.5x\n");

        var error = Assert.Throws<AroInputException>(() => ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds()));

        Assert.Equal($"{_temp.File("cand", "summary.csv")}: line 2: field 'macro_accuracy' '0.5x' is not a number", error.Message);
    }

    [Theory]
    [InlineData(-0.01, null)]
    [InlineData(double.NaN, null)]
    [InlineData(0.01, -1.0)]
    public void Negative_or_undefined_thresholds_are_input_errors(double maxDrop, double? maxGroupDrop)
    {
        Folder("base").Summary(("relation", 100, 3, 0.5, 0.5));

        Assert.Throws<AroInputException>(() => ResultsComparer.Compare(_temp.File("base"), _temp.File("base"), new ComparisonThresholds(maxDrop, maxGroupDrop)));
    }

    [Fact]
    public void Different_case_counts_and_new_skips_are_noted()
    {
        Folder("base").Summary(("relation", 100, 3, 0.5, 0.5));
        Folder("cand").Write("summary.csv", "subset,samples,groups,micro_accuracy,macro_accuracy,skipped\nrelation,98,3,0.5,0.5,2\n");

        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds());

        Assert.Equal(
            ["relation: 100 cases in the baseline, 98 in the candidate; the runs did not score the same cases", "relation: the candidate skipped 2 case(s), the baseline 0"],
            result.Notes);
    }

    [Fact]
    public void Plain_text_is_aligned_and_ends_with_the_verdict()
    {
        Folder("base").Summary(("relation", 100, 10, 0.5, 0.8), ("coco-order", 100, 1, 0.5, 0.5))
            .Groups("relation", ("on", 40, 0.5, true)).Groups("coco-order", ("coco-order", 100, 0.5, true));
        Folder("cand").Summary(("relation", 100, 10, 0.5, 0.75), ("coco-order", 100, 1, 0.51, 0.51))
            .Groups("relation", ("on", 40, 0.4, true)).Groups("coco-order", ("coco-order", 100, 0.51, true));

        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds(0.01, 0.05));

        Assert.Equal(
            $"""
            baseline:  {_temp.File("base", "summary.csv")}
            candidate: {_temp.File("cand", "summary.csv")}
            fails on:  a drop of more than 0.0100; a group drop of more than 0.0500

            subset      metric  cases  baseline  candidate    delta  paired 95% interval  McNemar p  status
            relation    macro       -    0.8000     0.7500  -0.0500                    -          -  DROP
            coco-order  p@1         -    0.5000     0.5100  +0.0100                    -          -  ok

            relation: 1 included group(s) compared, 1 dropped more than 0.0500
            coco-order: 1 included group(s) compared, 0 dropped more than 0.0500

            subset    group  cases  baseline  candidate    delta  status
            relation  on     40/40    0.5000     0.4000  -0.1000  DROP

            FAIL: 2 drop(s) beyond the threshold in 2 subsets and 2 groups

            """,
            ComparisonText.Format(result));
    }

    [Fact]
    public void Json_holds_the_verdict_and_every_row()
    {
        Folder("base").Summary(("relation", 100, 10, 0.5, 0.8), ("attribution", 50, 2, 0.5, 0.7));
        Folder("cand").Summary(("relation", 100, 10, 0.5, 0.7));
        var result = ResultsComparer.Compare(_temp.File("base"), _temp.File("cand"), new ComparisonThresholds());

        ComparisonJson.Write(_temp.File("out.json"), result);

        using var json = JsonDocument.Parse(File.ReadAllText(_temp.File("out.json")));
        var root = json.RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal(1, root.GetProperty("drops").GetInt32());
        Assert.Equal(0.01, root.GetProperty("max_drop").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("max_group_drop").ValueKind);
        var subsets = root.GetProperty("subsets");
        Assert.Equal(("relation", "macro", 0.8, 0.7, -0.1, "drop"), (subsets[0].GetProperty("subset").GetString(), subsets[0].GetProperty("metric").GetString(),
            subsets[0].GetProperty("baseline").GetDouble(), subsets[0].GetProperty("candidate").GetDouble(), subsets[0].GetProperty("delta").GetDouble(),
            subsets[0].GetProperty("status").GetString()));
        Assert.Equal(("removed", JsonValueKind.Null), (subsets[1].GetProperty("status").GetString(), subsets[1].GetProperty("candidate").ValueKind));
    }

    [Fact]
    public void Real_results_compared_with_themselves_pass_with_every_delta_zero()
    {
        var result = ResultsComparer.Compare(results.Demo, results.Demo, new ComparisonThresholds(0, 0));

        Assert.True(result.Passed);
        Assert.Equal(["relation", "attribution", "coco-order", "flickr-order"], result.Subsets.Select(s => s.Subset));
        Assert.All(result.Subsets, s => Assert.Equal(0, s.Delta));
        Assert.NotEmpty(result.Groups);
        Assert.Contains(result.Notes, n => n.StartsWith("coco-order: group tables are per seed", StringComparison.Ordinal));
        var blip = ResultsComparer.Compare(results.Demo, results.Blip, new ComparisonThresholds(0.01, 0.05));
        Assert.Equal(blip.Subsets.Count(s => s.Delta < -0.01) + blip.Groups.Count(g => g.Delta < -0.05), blip.Drops);
    }

    private HandWrittenResults Folder(string name) => new(_temp.File(name));
}

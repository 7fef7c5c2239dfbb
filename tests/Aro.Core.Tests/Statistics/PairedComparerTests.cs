using System.Text.Json;
using Aro.Core.Statistics;
using Xunit;

namespace Aro.Core.Tests.Statistics;

/// <summary>
/// Paired differences, their paired bootstrap intervals and McNemar's p against scripts/make_stats_reference.py,
/// from the case lists the script wrote (shuffled, with cases missing on one side), paired here by id.
/// </summary>
public sealed class PairedComparerTests
{
    public static TheoryData<string> Datasets() => [.. StatisticsReference.Datasets];

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Matches_the_reference(string dataset)
    {
        var reference = StatisticsReference.Dataset(dataset);
        var expected = reference.GetProperty("paired");
        var cases = CasePairing.Pair(
            "baseline", StatisticsReference.Cases(reference, "baseline_cases"),
            "candidate", StatisticsReference.Cases(reference, "candidate_cases"),
            StatisticsReference.Rule(reference));

        Assert.Equal(expected.GetProperty("paired").GetInt32(), cases.Paired);
        Assert.Equal(expected.GetProperty("only_in_baseline").GetInt32(), cases.OnlyInBaseline);
        Assert.Equal(expected.GetProperty("only_in_candidate").GetInt32(), cases.OnlyInCandidate);
        Assert.Equal(
            expected.GetProperty("tables").EnumerateObject().Select(t => (t.Name, Table: string.Join(',', t.Value.EnumerateArray().Select(v => v.GetInt32())))),
            cases.Groups.Select(g => (g.Group, Table: $"{g.BothCorrect},{g.BaselineOnly},{g.CandidateOnly},{g.BothWrong}")));
        Assert.Equal(StatisticsReference.Strings(expected.GetProperty("included_groups")), cases.Groups.Where(g => g.Included).Select(g => g.Group));

        var comparison = PairedComparer.Compare(cases, StatisticsReference.Settings(reference));
        Assert.NotNull(comparison);
        Assert.Equal(expected.GetProperty("both_correct").GetInt32(), comparison.BothCorrect);
        Assert.Equal(expected.GetProperty("baseline_only").GetInt32(), comparison.BaselineOnly);
        Assert.Equal(expected.GetProperty("candidate_only").GetInt32(), comparison.CandidateOnly);
        Assert.Equal(expected.GetProperty("both_wrong").GetInt32(), comparison.BothWrong);
        AssertDifference(expected.GetProperty("micro"), comparison.Micro);
        if (expected.GetProperty("macro").ValueKind == JsonValueKind.Null)
        {
            Assert.Null(comparison.Macro);
        }
        else
        {
            AssertDifference(expected.GetProperty("macro"), comparison.Macro!);
        }

        var p = expected.GetProperty("mcnemar_p").GetDouble();
        Assert.Equal(p, comparison.McNemarP, p * 1e-12);
    }

    [Fact]
    public void Identical_runs_differ_by_exactly_nothing()
    {
        var reference = StatisticsReference.Dataset("identical");
        var cases = StatisticsReference.Cases(reference, "baseline_cases");
        var comparison = PairedComparer.Compare(CasePairing.Pair("a", cases, "b", cases, (_, _) => true), BootstrapSettings.Default)!;
        Assert.Equal(new PairedDifference(comparison.Micro.Baseline, comparison.Micro.Baseline, 0, new ConfidenceInterval(0, 0)), comparison.Micro);
        Assert.Equal(1.0, comparison.McNemarP);
        Assert.False(comparison.Micro.IsSignificantDrop);
        Assert.False(comparison.Micro.Interval.ExcludesZero);
    }

    [Fact]
    public void A_candidate_wrong_wherever_the_baseline_was_right_is_a_significant_drop()
    {
        // 40 cases: the baseline gets 30 right, the candidate 10 (all among the baseline's), so b = 20, c = 0.
        var groups = new[] { new PairedGroupTally("g", 10, 20, 0, 10, true) };
        var comparison = PairedComparer.Compare(groups, BootstrapSettings.Default)!;
        Assert.Equal(-0.5, comparison.Micro.Difference);
        Assert.Equal(0.75, comparison.Micro.Baseline);
        Assert.Equal(0.25, comparison.Micro.Candidate);
        Assert.True(comparison.Micro.IsSignificantDrop);
        Assert.True(comparison.Macro!.IsSignificantDrop);
        Assert.Equal(2.0 / (1 << 20), comparison.McNemarP, 1e-18);
    }

    [Fact]
    public void Without_paired_cases_there_is_no_comparison_and_without_included_groups_no_macro()
    {
        Assert.Null(PairedComparer.Compare([], BootstrapSettings.Default));
        var comparison = PairedComparer.Compare([new PairedGroupTally("g", 1, 2, 3, 4, false)], BootstrapSettings.Default)!;
        Assert.Null(comparison.Macro);
        Assert.Equal(0, comparison.IncludedGroups);
        Assert.Equal(0.1, comparison.Micro.Difference, 1e-15);
    }

    private static void AssertDifference(JsonElement expected, PairedDifference actual)
    {
        Assert.Equal(expected.GetProperty("baseline").GetDouble(), actual.Baseline, 1e-12);
        Assert.Equal(expected.GetProperty("candidate").GetDouble(), actual.Candidate, 1e-12);
        Assert.Equal(expected.GetProperty("difference").GetDouble(), actual.Difference, 1e-12);
        BootstrapTests.AssertInterval(expected.GetProperty("interval"), actual.Interval);
    }
}

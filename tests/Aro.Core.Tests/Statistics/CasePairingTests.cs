using Aro.Core.Statistics;
using Xunit;

namespace Aro.Core.Tests.Statistics;

public sealed class CasePairingTests
{
    [Fact]
    public void Pairs_by_id_in_any_order_and_counts_the_cases_without_a_partner()
    {
        CaseOutcome[] baseline = [new("1", "g", true), new("2", "g", false), new("3", "h", true), new("4", "h", true), new("5", "h", false)];
        CaseOutcome[] candidate = [new("9", "g", true), new("4", "h", false), new("2", "g", true), new("1", "g", true), new("5", "h", false)];

        var paired = CasePairing.Pair("base.csv", baseline, "cand.csv", candidate, (_, count) => count >= 3);

        Assert.Equal(
            [new PairedGroupTally("g", 1, 0, 1, 0, false), new PairedGroupTally("h", 0, 1, 0, 1, false)],
            paired.Groups);
        Assert.Equal(4, paired.Paired);
        Assert.Equal(1, paired.OnlyInBaseline);
        Assert.Equal(1, paired.OnlyInCandidate);
        Assert.False(paired.Complete);
    }

    [Fact]
    public void A_group_filter_sees_the_paired_count()
    {
        CaseOutcome[] cases = [new("1", "g", true), new("2", "g", false), new("3", "g", true)];
        var seen = new List<(string, int)>();
        CasePairing.Pair("a", cases, "b", cases, (group, count) =>
        {
            seen.Add((group, count));
            return true;
        });
        Assert.Equal([("g", 3)], seen);
    }

    [Fact]
    public void A_duplicate_id_or_a_case_in_two_groups_is_an_input_error_naming_the_run()
    {
        CaseOutcome[] good = [new("1", "g", true), new("2", "g", false)];
        CaseOutcome[] duplicate = [new("1", "g", true), new("1", "g", false)];
        CaseOutcome[] moved = [new("1", "g", true), new("2", "other", false)];

        var error = Assert.Throws<AroInputException>(() => CasePairing.Pair("base.csv", duplicate, "cand.csv", good, (_, _) => true));
        Assert.Contains("base.csv: case id '1' appears more than once", error.Message);
        error = Assert.Throws<AroInputException>(() => CasePairing.Pair("base.csv", good, "cand.csv", duplicate, (_, _) => true));
        Assert.Contains("cand.csv: case id '1'", error.Message);
        error = Assert.Throws<AroInputException>(() => CasePairing.Pair("base.csv", good, "cand.csv", moved, (_, _) => true));
        Assert.Contains("case '2' is in group 'g' in base.csv but in 'other' in cand.csv", error.Message);
    }
}

using System.Text.Json;
using Aro.Core.Statistics;
using Xunit;

namespace Aro.Core.Tests.Statistics;

/// <summary>
/// One run's bootstrap intervals against scripts/make_stats_reference.py, which resamples materialised 0/1 case
/// arrays with its own SplitMix64 and takes numpy's quantiles.
/// </summary>
public sealed class BootstrapTests
{
    public static TheoryData<string, string> Runs()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in StatisticsReference.Datasets)
        {
            data.Add(name, "baseline");
            data.Add(name, "candidate");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Micro_and_macro_intervals_match_the_reference(string dataset, string run)
    {
        var reference = StatisticsReference.Dataset(dataset);
        var settings = StatisticsReference.Settings(reference);
        var expected = reference.GetProperty(run);
        var tallies = Tallies(StatisticsReference.Cases(reference, run + "_cases"), StatisticsReference.Rule(reference));
        var samples = tallies.Sum(t => t.Count);
        var correct = tallies.Sum(t => t.Correct);
        Assert.Equal(expected.GetProperty("samples").GetInt32(), samples);
        Assert.Equal(expected.GetProperty("correct").GetInt32(), correct);
        Assert.Equal(StatisticsReference.Strings(expected.GetProperty("included_groups")), tallies.Where(t => t.Included).Select(t => t.Group).Order(StringComparer.Ordinal));

        AssertInterval(expected.GetProperty("bootstrap_micro"), Bootstrap.Micro(correct, samples, settings));
        AssertInterval(expected.GetProperty("bootstrap_macro"), Bootstrap.Macro(tallies, settings));
        AssertInterval(expected.GetProperty("wilson_micro"), WilsonInterval.Of(correct, samples));
    }

    [Fact]
    public void Groups_are_resampled_in_ordinal_order_whatever_order_they_come_in()
    {
        var reference = StatisticsReference.Dataset("settings");
        var settings = StatisticsReference.Settings(reference);
        var tallies = Tallies(StatisticsReference.Cases(reference, "baseline_cases"), StatisticsReference.Rule(reference));
        var reversed = tallies.AsEnumerable().Reverse().ToList();
        Assert.Equal(Bootstrap.Macro(tallies, settings), Bootstrap.Macro(reversed, settings));
        AssertInterval(reference.GetProperty("baseline").GetProperty("bootstrap_macro"), Bootstrap.Macro(reversed, settings));
    }

    [Fact]
    public void Certain_outcomes_have_a_point_interval_and_no_cases_have_none()
    {
        // Every resample of 7/7 right is 7/7, of 0/9 is 0/9.
        Assert.Equal(new ConfidenceInterval(1, 1), Bootstrap.Micro(7, 7, BootstrapSettings.Default));
        Assert.Equal(new ConfidenceInterval(0, 0), Bootstrap.Micro(0, 9, BootstrapSettings.Default));
        Assert.Equal(new ConfidenceInterval(0.5, 0.5), Bootstrap.Macro([new("a", 3, 3, true), new("b", 4, 0, true), new("c", 5, 2, false)], BootstrapSettings.Default));
        Assert.Null(Bootstrap.Micro(0, 0, BootstrapSettings.Default));
        Assert.Null(Bootstrap.Macro([new("a", 3, 1, false)], BootstrapSettings.Default));
    }

    [Fact]
    public void The_same_settings_give_the_same_interval_and_another_seed_another()
    {
        var a = Bootstrap.Micro(61, 100, new BootstrapSettings(500, 1));
        Assert.Equal(a, Bootstrap.Micro(61, 100, new BootstrapSettings(500, 1)));
        Assert.NotEqual(a, Bootstrap.Micro(61, 100, new BootstrapSettings(500, 2)));
    }

    [Fact]
    public void One_thread_or_many_draw_the_same_resamples()
    {
        var reference = StatisticsReference.Dataset("vg-like");
        var tallies = Tallies(StatisticsReference.Cases(reference, "baseline_cases"), StatisticsReference.Rule(reference));
        var serial = new BootstrapSettings(MaxDegreeOfParallelism: 1);
        Assert.Equal(Bootstrap.Macro(tallies, serial), Bootstrap.Macro(tallies, new BootstrapSettings(MaxDegreeOfParallelism: 7)));
        Assert.Equal(Bootstrap.Micro(700, 2415, serial), Bootstrap.Micro(700, 2415, BootstrapSettings.Default));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Micro(5, 4, BootstrapSettings.Default));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Micro(1, 4, new BootstrapSettings(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Micro(1, 4, new BootstrapSettings(MaxDegreeOfParallelism: 0)));
        Assert.Throws<ArgumentException>(() => Bootstrap.Macro([new("a", 0, 0, true)], BootstrapSettings.Default));
        Assert.Throws<ArgumentException>(() => Bootstrap.Macro([new("a", 2, 1, true), new("a", 3, 1, true)], BootstrapSettings.Default));
    }

    internal static void AssertInterval(JsonElement expected, ConfidenceInterval? actual)
    {
        if (StatisticsReference.Interval(expected) is not { } interval)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(interval.Lower, actual.Value.Lower, 1e-12);
        Assert.Equal(interval.Upper, actual.Value.Upper, 1e-12);
    }

    private static List<Stratum> Tallies(IReadOnlyList<CaseOutcome> cases, Func<string, int, bool> isIncluded) =>
        [.. cases.GroupBy(c => c.Group, StringComparer.Ordinal)
            .Select(g => new Stratum(g.Key, g.Count(), g.Count(c => c.Correct), isIncluded(g.Key, g.Count())))];
}

namespace Aro.Core.Metrics;

/// <summary>Decides which groups count toward a subset's macro accuracy (the <c>included</c> column of groups.csv, docs/results-format.md).</summary>
public interface IGroupFilter
{
    /// <summary>True when the group is part of the metric of record.</summary>
    bool IsIncluded(string group, int count);

    /// <summary>A noun phrase for reports naming what the metric leaves out (&quot;the 157 relations ...&quot;).</summary>
    string Description { get; }
}

/// <summary>Every group is included (Order subsets, generic cases files).</summary>
public sealed class AllGroupsFilter : IGroupFilter
{
    public static AllGroupsFilter Instance { get; } = new();

    public bool IsIncluded(string group, int count) => true;

    public string Description => "no groups (every group counts)";
}

/// <summary>
/// VG-Attribution keeps attribute pairs with at least <see cref="MinimumCount"/> cases: the official
/// <c>VG_Attribution.evaluate_scores</c> skips smaller pairs before the paper's mean is taken.
/// </summary>
public sealed class MinimumCountFilter(int minimumCount) : IGroupFilter
{
    public int MinimumCount { get; } = minimumCount;

    public bool IsIncluded(string group, int count) => count >= MinimumCount;

    public string Description => $"groups with fewer than {MinimumCount} cases";
}

using Aro.Core.Benchmarks;
using Aro.Core.Results;

namespace Aro.Core.Metrics;

/// <summary>
/// Accumulates correctness per group and computes the subset's micro and macro accuracy (DESIGN.md §1, §5):
/// macro averages the groups the subset's filter includes (157 relations out; attribute pairs under 25 cases out).
/// Holds one counter pair per group, never the cases.
/// </summary>
public sealed class MacroAccuracy(SubsetDefinition subset)
{
    private readonly Dictionary<string, (int Count, int Correct)> _groups = new(StringComparer.Ordinal);
    private int _samples;
    private int _correct;

    public SubsetDefinition Subset { get; } = subset;

    /// <summary>Rebuilds the tally a checkpoint saved with <see cref="Counts"/>.</summary>
    public static MacroAccuracy Restore(SubsetDefinition subset, IEnumerable<GroupCount> counts)
    {
        var metrics = new MacroAccuracy(subset);
        foreach (var count in counts)
        {
            metrics._groups[count.Group] = (count.Count, count.Correct);
            metrics._samples += count.Count;
            metrics._correct += count.Correct;
        }

        return metrics;
    }

    /// <summary>The running tally per group (for checkpoints and merges).</summary>
    public IReadOnlyList<GroupCount> Counts() =>
        [.. _groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GroupCount(g.Key, g.Value.Count, g.Value.Correct))];

    public void Add(string group, bool correct)
    {
        _groups.TryGetValue(group, out var counts);
        _groups[group] = (counts.Count + 1, counts.Correct + (correct ? 1 : 0));
        _samples++;
        _correct += correct ? 1 : 0;
    }

    public SubsetSummary Summarize()
    {
        var groups = _groups
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupAccuracy(g.Key, g.Value.Count, g.Value.Correct, Subset.GroupFilter.IsIncluded(g.Key, g.Value.Count)))
            .ToList();
        var micro = _samples == 0 ? 0 : (double)_correct / _samples;
        var included = groups.Where(g => g.Included).ToList();
        var macro = Subset.Metric == MetricOfRecord.Micro
            ? micro
            : included.Count == 0 ? 0 : included.Average(g => g.Accuracy);
        return new SubsetSummary(Subset, _samples, _correct, micro, macro, groups);
    }
}

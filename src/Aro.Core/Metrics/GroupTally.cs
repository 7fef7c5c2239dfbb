namespace Aro.Core.Metrics;

/// <summary>
/// Counts cases and correct cases per group: the whole state a subset's metrics are computed from (micro accuracy,
/// per-group accuracy, macro accuracy over the groups a filter includes). Holds one counter pair per group, never the
/// cases, and adds up across checkpoints and shards.
/// </summary>
public sealed class GroupTally
{
    private readonly Dictionary<string, (int Count, int Correct)> _groups = new(StringComparer.Ordinal);

    /// <summary>Cases counted.</summary>
    public int Samples { get; private set; }

    /// <summary>Cases counted correct.</summary>
    public int Correct { get; private set; }

    /// <summary>Share of all cases that are correct (0 without cases).</summary>
    public double Micro => Samples == 0 ? 0 : (double)Correct / Samples;

    /// <summary>Rebuilds a tally from saved <see cref="Counts"/>.</summary>
    public static GroupTally Restore(IEnumerable<GroupCount> counts)
    {
        var tally = new GroupTally();
        foreach (var count in counts)
        {
            tally._groups[count.Group] = (count.Count, count.Correct);
            tally.Samples += count.Count;
            tally.Correct += count.Correct;
        }

        return tally;
    }

    public void Add(string group, bool correct)
    {
        _groups.TryGetValue(group, out var counts);
        _groups[group] = (counts.Count + 1, counts.Correct + (correct ? 1 : 0));
        Samples++;
        Correct += correct ? 1 : 0;
    }

    /// <summary>The running counts per group, ordinal by group (for checkpoints and merges).</summary>
    public IReadOnlyList<GroupCount> Counts() =>
        [.. _groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GroupCount(g.Key, g.Value.Count, g.Value.Correct))];

    /// <summary>Per-group accuracy, ordinal by group, each marked as included or not by <paramref name="filter"/>.</summary>
    public IReadOnlyList<GroupAccuracy> Groups(IGroupFilter filter) =>
        [.. _groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupAccuracy(g.Key, g.Value.Count, g.Value.Correct, filter.IsIncluded(g.Key, g.Value.Count)))];

    /// <summary>The unweighted mean accuracy of the included groups (0 when none is included).</summary>
    public static double Macro(IReadOnlyList<GroupAccuracy> groups)
    {
        var included = groups.Where(g => g.Included).ToList();
        return included.Count == 0 ? 0 : included.Average(g => g.Accuracy);
    }
}

/// <summary>A group's running tally: cases seen and cases right.</summary>
public sealed record GroupCount(string Group, int Count, int Correct);

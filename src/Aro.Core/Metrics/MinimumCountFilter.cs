
namespace Aro.Core.Metrics;

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


namespace Aro.Core.Metrics;

/// <summary>Every group is included (Order subsets, generic cases files).</summary>
public sealed class AllGroupsFilter : IGroupFilter
{
    public static AllGroupsFilter Instance { get; } = new();

    public bool IsIncluded(string group, int count) => true;

    public string Description => "no groups (every group counts)";
}

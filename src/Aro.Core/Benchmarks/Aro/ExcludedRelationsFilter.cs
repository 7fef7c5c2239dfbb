using Aro.Core.Metrics;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// VG-Relation drops 157 relations at scoring time (the official notebook's list named <c>symmetric</c>;
/// see docs/protocol.md, "Metrics"). The JSON keeps them; only the macro accuracy leaves them out.
/// </summary>
public sealed class ExcludedRelationsFilter : IGroupFilter
{
    public static ExcludedRelationsFilter Instance { get; } = new();

    public bool IsIncluded(string group, int count) => !ExcludedRelations.Names.Contains(group);

    public string Description => $"the {ExcludedRelations.Names.Count} relations the paper's evaluation leaves out";
}


namespace Aro.Core.Metrics;

/// <summary>Decides which groups count toward a subset's macro accuracy (DESIGN.md §5 "included").</summary>
public interface IGroupFilter
{
    /// <summary>True when the group is part of the metric of record.</summary>
    bool IsIncluded(string group, int count);

    /// <summary>A noun phrase for reports naming what the metric leaves out (&quot;the 157 relations ...&quot;).</summary>
    string Description { get; }
}

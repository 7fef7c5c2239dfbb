
namespace Aro.Core.Metrics;

/// <summary>Which accuracy a subset's paper table reports.</summary>
public enum MetricOfRecord
{
    /// <summary>Unweighted mean of per-group accuracy over the included groups (VG-Relation, VG-Attribution).</summary>
    MacroOverGroups,

    /// <summary>Accuracy over all cases (precision@1 on the Order subsets).</summary>
    Micro,
}

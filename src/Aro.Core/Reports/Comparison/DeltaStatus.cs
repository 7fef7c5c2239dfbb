
namespace Aro.Core.Reports.Comparison;

/// <summary>What <c>aro compare</c> concluded about one subset or group.</summary>
public enum DeltaStatus
{
    /// <summary>In both runs; no drop beyond the threshold.</summary>
    Ok,

    /// <summary>In both runs; dropped by more than the threshold (the gate fails).</summary>
    Drop,

    /// <summary>Only in the candidate.</summary>
    Added,

    /// <summary>Only in the baseline.</summary>
    Removed,
}

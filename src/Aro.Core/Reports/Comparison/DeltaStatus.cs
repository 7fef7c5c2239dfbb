using Aro.Core.Perturbations;

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

/// <summary>The words tables and JSON use for a <see cref="DeltaStatus"/>; a drop is upper-case so it stands out in a CI log.</summary>
public static class DeltaStatuses
{
    public static string Name(DeltaStatus status) => status switch
    {
        DeltaStatus.Ok => "ok",
        DeltaStatus.Drop => "DROP",
        DeltaStatus.Added => "added",
        DeltaStatus.Removed => "removed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

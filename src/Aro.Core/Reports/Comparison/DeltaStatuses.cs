using Aro.Core.Perturbations;

namespace Aro.Core.Reports.Comparison;

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

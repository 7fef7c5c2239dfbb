
namespace Aro.Core.Pipeline;

/// <summary>What a bad case does to a run (<c>--on-error</c>).</summary>
public enum ErrorPolicy
{
    /// <summary>Stop at the first bad case with an error naming it (the default).</summary>
    Fail,

    /// <summary>Leave the case out of the metrics, list it in skipped.csv and go on.</summary>
    Skip,
}

namespace Aro.Core.Reports.Comparison;

/// <summary>What a JUnit test case reports: CI systems count failures, errors and skips separately.</summary>
public enum JUnitOutcome
{
    /// <summary>The check held.</summary>
    Passed,

    /// <summary>The check did not hold (a drop beyond the threshold): <c>&lt;failure&gt;</c>.</summary>
    Failed,

    /// <summary>The check could not be made (for example a subset only one run has): <c>&lt;skipped&gt;</c>.</summary>
    Skipped,

    /// <summary>The check broke (unreadable input): <c>&lt;error&gt;</c>.</summary>
    Error,
}

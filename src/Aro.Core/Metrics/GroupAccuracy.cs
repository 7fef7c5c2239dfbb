
namespace Aro.Core.Metrics;

/// <summary>One row of <c>&lt;subset&gt;.groups.csv</c>.</summary>
/// <param name="Group">The group key.</param>
/// <param name="Count">Cases in the group (for diagnostic rows: the cases counted).</param>
/// <param name="Correct">Cases predicted right.</param>
/// <param name="Included">Whether the group counts toward the macro accuracy.</param>
public sealed record GroupAccuracy(string Group, int Count, int Correct, bool Included)
{
    /// <summary>What <see cref="Correct"/> is divided by; the group's own count unless a diagnostic row says otherwise.</summary>
    public int? Denominator { get; init; }

    public double Accuracy => (Denominator ?? Count) is var d && d == 0 ? 0 : (double)Correct / d;
}

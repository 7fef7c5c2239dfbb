namespace Aro.Core.Benchmarks;

/// <summary>
/// Which columns of a subset's predictions file <c>aro compare</c> pairs two runs on: the case id, its group, and
/// whether the case was right (<c>true</c>/<c>false</c>).
/// </summary>
public sealed record PairingColumns(string Id, string Group, string Correct)
{
    /// <summary>The option subsets' <c>&lt;subset&gt;.predictions.csv</c> (docs/results-format.md).</summary>
    public static PairingColumns Options { get; } = new("id", "group", "correct");
}

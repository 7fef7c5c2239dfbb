namespace Aro.Core.Benchmarks;

/// <summary>
/// A benchmark's summary over several of its subsets, as its paper reports it (SugarCrepe's replace, swap and add):
/// the unweighted mean of the member subsets' metric of record, shown only when every member was evaluated.
/// </summary>
/// <param name="Name">Short name (<c>replace</c>).</param>
/// <param name="Title">Human name (<c>SugarCrepe REPLACE</c>).</param>
/// <param name="Subsets">The member subsets' names.</param>
public sealed record SubsetAverage(string Name, string Title, IReadOnlyList<string> Subsets)
{
    /// <summary>The mean of the members' values, or null when <paramref name="valueOf"/> lacks one of them.</summary>
    public double? Of(Func<string, double?> valueOf)
    {
        var values = Subsets.Select(valueOf).ToList();
        return values.All(v => v is not null) ? values.Average(v => v!.Value) : null;
    }
}

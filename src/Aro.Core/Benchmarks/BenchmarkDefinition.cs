namespace Aro.Core.Benchmarks;

/// <summary>
/// One benchmark (ARO, SugarCrepe, ...): its group name on the command line, its subsets, its published numbers
/// and any averages its paper reports over several subsets. Each benchmark lives in one folder under
/// <c>Benchmarks/</c> and is listed once in <see cref="BenchmarkRegistry"/>.
/// </summary>
public abstract class BenchmarkDefinition
{
    /// <summary>The group name <c>--subset</c> accepts for all of its subsets (<c>aro</c>, <c>sugarcrepe</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Human name with its paper, e.g. "ARO (Yuksekgonul et al., ICLR 2023)".</summary>
    public abstract string Title { get; }

    /// <summary>Other names of the group (ARO keeps <c>all</c>, which meant the four ARO subsets before there were others).</summary>
    public virtual IReadOnlyList<string> Aliases => [];

    /// <summary>The subsets, in the order of the paper's table.</summary>
    public abstract IReadOnlyList<NativeSubset> Subsets { get; }

    /// <summary>The paper's numbers that reports show beside a model's.</summary>
    public abstract PublishedResults Published { get; }

    /// <summary>Averages over subsets that the paper reports (none by default).</summary>
    public virtual IReadOnlyList<SubsetAverage> Averages => [];

    public override string ToString() => Name;
}

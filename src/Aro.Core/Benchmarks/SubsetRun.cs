using Aro.Core.Cases;
using Aro.Core.Perturbations;

namespace Aro.Core.Benchmarks;

/// <summary>One evaluation of one subset: how to read it, with which perturbation seed, and the result file stem.</summary>
/// <param name="Create">Opens the reader (deferred: data is looked up only when the run reaches it).</param>
/// <param name="Seed">The Order perturbation seed; null for subsets that do not depend on one.</param>
/// <param name="SeedCount">How many seeds the subset is evaluated with (file names carry the seed when more than one).</param>
public sealed record SubsetRun(Func<ICaseReader> Create, int? Seed, int SeedCount)
{
    /// <summary>The stem of this run's result files: <c>coco-order</c>, or <c>coco-order.seed-2</c> with several seeds.</summary>
    public string FileStem(SubsetDefinition subset) =>
        Seed is { } seed && SeedCount > 1 ? FormattableString.Invariant($"{subset.Name}.seed-{seed}") : subset.Name;
}

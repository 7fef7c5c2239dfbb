using Aro.Core.Benchmarks;

namespace Aro.Core.Results;

/// <summary>One <c>&lt;stem&gt;.groups.csv</c> of a results folder: a subset's groups for one run (one seed of a subset run with several).</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Seed">The seed named in the file stem (<c>coco-order.seed-2</c>), or null for a single run.</param>
/// <param name="Path">The file.</param>
/// <param name="Rows">Its rows in file order: the groups, then any diagnostic rows.</param>
public sealed record GroupTable(string Subset, int? Seed, string Path, IReadOnlyList<GroupRow> Rows)
{
    /// <summary>The groups proper, without the subset's diagnostic rows.</summary>
    public IEnumerable<GroupRow> Groups => Rows.Where(r => !IsDiagnostic(r));

    /// <summary>The diagnostic rows the subset's definition writes after its groups.</summary>
    public IEnumerable<GroupRow> Diagnostics => Rows.Where(IsDiagnostic);

    private bool IsDiagnostic(GroupRow row) => BenchmarkRegistry.Describe(Subset).Diagnostics?.IsRow(row.Group) == true;
}

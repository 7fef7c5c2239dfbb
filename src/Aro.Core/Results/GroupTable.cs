namespace Aro.Core.Results;

/// <summary>One <c>&lt;stem&gt;.groups.csv</c> of a results folder: a subset's groups for one run (one seed of an Order subset run with several).</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Seed">The seed named in the file stem (<c>coco-order.seed-2</c>), or null for a single run.</param>
/// <param name="Path">The file.</param>
/// <param name="Rows">Its rows in file order: the groups, then any diagnostic rows.</param>
public sealed record GroupTable(string Subset, int? Seed, string Path, IReadOnlyList<GroupRow> Rows)
{
    /// <summary>The groups proper, without the Order diagnostic rows.</summary>
    public IEnumerable<GroupRow> Groups => Rows.Where(r => !r.IsDiagnostic);

    public IEnumerable<GroupRow> Diagnostics => Rows.Where(r => r.IsDiagnostic);
}

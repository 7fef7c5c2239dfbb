namespace Aro.Core.Results;

/// <summary>One <c>&lt;stem&gt;.groups.csv</c> of a results folder: a subset's groups for one run (one seed of a subset run with several).</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Seed">The seed named in the file stem (<c>coco-order.seed-2</c>), or null for a single run.</param>
/// <param name="Path">The file.</param>
/// <param name="Rows">Its rows in file order.</param>
public sealed record GroupTable(string Subset, int? Seed, string Path, IReadOnlyList<GroupRow> Rows)
{
    /// <summary>The groups (rows written before diagnostics moved to a file of their own are left out).</summary>
    public IEnumerable<GroupRow> Groups => Rows.Where(r => !r.Group.StartsWith("perturbation:", StringComparison.Ordinal));
}

/// <summary>One subset's diagnostics file (<c>&lt;stem&gt;.perturbations.csv</c> for the Order subsets), its rows keyed by column.</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Seed">The seed named in the file stem, or null for a single run.</param>
/// <param name="Path">The file.</param>
/// <param name="Rows">Its rows in file order.</param>
public sealed record DiagnosticTable(string Subset, int? Seed, string Path, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);

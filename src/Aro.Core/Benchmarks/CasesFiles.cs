using Aro.Core.Cases;

namespace Aro.Core.Benchmarks;

/// <summary>
/// Which subset a cases file holds: the one its first record names in an optional <c>subset</c> field (written by
/// <c>aro data freeze</c> for subsets whose ids do not carry their name), else the one whose id prefix its first id
/// has (<c>coco-order-000000</c>), else a subset of its own named after the file. The subset decides the metric and
/// the tie rule, so a frozen SugarCrepe file keeps SugarCrepe's rule.
/// </summary>
public static class CasesFiles
{
    public static SubsetDefinition SubsetOf(string path)
    {
        var (id, subset) = CasesJsonlReader.FirstRecord(path);
        if (subset is not null)
        {
            return BenchmarkRegistry.FindSubset(subset) ?? throw new AroInputException(
                $"{path}: line 1: field 'subset' is '{subset}', which is not a registered subset.{NameSuggestions.DidYouMean(subset, BenchmarkRegistry.Subsets.Select(s => s.Name))}");
        }

        return (SubsetDefinition?)(id is null ? null : BenchmarkRegistry.FromCaseId(id))
            ?? new CasesFileSubset(Path.GetFileNameWithoutExtension(path));
    }
}

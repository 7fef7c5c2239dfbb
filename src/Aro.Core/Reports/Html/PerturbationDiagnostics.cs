using System.Globalization;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>
/// Reads an Order subset's <c>&lt;stem&gt;.perturbations.csv</c> files (one per seed) back into one
/// <see cref="PerturbationDiagnostic"/> per perturbation, in file order: counts summed, shares averaged over the seeds.
/// </summary>
public static class PerturbationDiagnostics
{
    public static IReadOnlyList<PerturbationDiagnostic> From(IReadOnlyList<DiagnosticTable> tables)
    {
        var order = new List<string>();
        var rows = new Dictionary<string, List<IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var row in tables.SelectMany(t => t.Rows))
        {
            if (!row.TryGetValue("perturbation", out var name) || !row.ContainsKey("wins_when_wrong"))
            {
                continue;
            }

            if (!rows.TryGetValue(name, out var list))
            {
                order.Add(name);
                rows[name] = list = [];
            }

            list.Add(row);
        }

        return [.. order.Select(name => new PerturbationDiagnostic(
            name,
            rows[name].Sum(r => Int(r["wins_when_wrong"])),
            rows[name].Average(r => Share(r["wins_share"])),
            rows[name].Sum(r => Int(r["identical"])),
            rows[name].Average(r => Share(r["identical_share"])),
            rows[name].Count))];
    }

    private static int Int(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static double Share(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
}

using Aro.Core.Benchmarks.Aro;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>
/// Reads the <c>perturbation:&lt;name&gt;:wins_when_wrong</c> and <c>perturbation:&lt;name&gt;:identical</c> rows of an
/// Order subset's group tables back into one <see cref="PerturbationDiagnostic"/> per perturbation, in file order.
/// </summary>
public static class PerturbationDiagnostics
{
    public const string WinsWhenWrong = OrderDiagnostics.WinsWhenWrong;
    public const string Identical = OrderDiagnostics.Identical;

    public static IReadOnlyList<PerturbationDiagnostic> From(IReadOnlyList<GroupTable> tables)
    {
        var order = new List<string>();
        var wins = new Dictionary<string, List<GroupRow>>(StringComparer.Ordinal);
        var identical = new Dictionary<string, List<GroupRow>>(StringComparer.Ordinal);
        foreach (var row in tables.SelectMany(t => t.Diagnostics))
        {
            var parts = row.Group[OrderDiagnostics.Prefix.Length..].Split(':');
            if (parts.Length != 2)
            {
                continue;
            }

            var (name, kind) = (parts[0], parts[1]);
            if (!order.Contains(name))
            {
                order.Add(name);
                wins[name] = [];
                identical[name] = [];
            }

            (kind == WinsWhenWrong ? wins : kind == Identical ? identical : null)?[name].Add(row);
        }

        return [.. order.Select(name => new PerturbationDiagnostic(
            name,
            wins[name].Sum(r => r.Count),
            wins[name].Select(r => r.Accuracy).DefaultIfEmpty(0).Average(),
            identical[name].Sum(r => r.Count),
            identical[name].Select(r => r.Accuracy).DefaultIfEmpty(0).Average(),
            Math.Max(wins[name].Count, identical[name].Count)))];
    }
}

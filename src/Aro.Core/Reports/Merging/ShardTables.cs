using Aro.Core.Benchmarks.Aro;
using Aro.Core.Perturbations;
using Aro.Core.Results;

namespace Aro.Core.Reports.Merging;

/// <summary>Reads the parts of a shard's results that a merge sums: skipped cases and Order diagnostic counts.</summary>
internal static class ShardTables
{
    private static readonly string[] SkippedColumns = ["subset", "index", "id", "group", "reason"];

    public static IEnumerable<SkippedCase> Skipped(string path, string stem)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        using var csv = CsvInput.Open(path, SkippedColumns);
        while (csv.Read())
        {
            if (csv.Text("subset") == stem)
            {
                yield return new SkippedCase(csv.Count("index"), csv.Text("id"), csv.Text("group"), csv.Text("reason"));
            }
        }
    }

    /// <summary>Sums the <c>perturbation:…</c> counts of the shards' groups files.</summary>
    public static OrderDiagnosticsCounts Diagnostics(IEnumerable<string> groupFiles, int cases, int wrong)
    {
        var names = OrderPerturbationNames.All.Select(p => p.Name()).ToList();
        var wins = new int[names.Count];
        var identical = new int[names.Count];
        foreach (var path in groupFiles)
        {
            foreach (var row in GroupsCsvReader.Read(path).Where(r => r.IsDiagnostic))
            {
                var parts = row.Group[OrderDiagnostics.Prefix.Length..].Split(':');
                var p = parts.Length == 2 ? names.IndexOf(parts[0]) : -1;
                var counts = p < 0 ? null
                    : parts[1] == PerturbationDiagnostics.WinsWhenWrong ? wins
                    : parts[1] == PerturbationDiagnostics.Identical ? identical
                    : null;
                if (counts is null)
                {
                    throw new AroInputException($"{path}: unknown diagnostic row '{row.Group}'");
                }

                counts[p] += row.Count;
            }
        }

        return new OrderDiagnosticsCounts(cases, wrong, wins, identical);
    }
}

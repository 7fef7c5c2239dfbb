using Aro.Core.Benchmarks;
using Aro.Core.Results;

namespace Aro.Core.Reports.Merging;

/// <summary>Reads the parts of a shard's results that a merge sums: skipped cases and Order diagnostic counts.</summary>
internal static class ShardTables
{
    public static IEnumerable<SkippedCase> Skipped(string path, string stem)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        using var csv = CsvInput.Open(path, ResultColumns.Skipped);
        while (csv.Read())
        {
            if (csv.Text("subset") == stem)
            {
                yield return new SkippedCase(csv.Count("index"), csv.Text("id"), csv.Text("group"), csv.Text("reason"));
            }
        }
    }

    /// <summary>The diagnostic rows (name and count) of the shards' groups files, for the subset's definition to sum.</summary>
    public static IEnumerable<(string Name, int Count)> DiagnosticRows(DiagnosticsDefinition diagnostics, IEnumerable<string> groupFiles) =>
        groupFiles.SelectMany(path => GroupsCsvReader.Read(path).Where(r => diagnostics.IsRow(r.Group)).Select(r => (r.Group, r.Count)));
}

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
}

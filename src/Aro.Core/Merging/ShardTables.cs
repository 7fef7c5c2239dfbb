using System.Globalization;
using Aro.Core.Data.Order;
using Aro.Core.Eval;
using Aro.Core.Reports;
using CsvHelper;

namespace Aro.Core.Merging;

/// <summary>Reads the parts of a shard's results that a merge sums: skipped cases and Order diagnostic counts.</summary>
internal static class ShardTables
{
    public static IEnumerable<SkippedCase> Skipped(string path, string stem)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CsvFormat.Configuration);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            if (csv.GetField("subset") == stem)
            {
                yield return new SkippedCase(
                    int.Parse(csv.GetField("index")!, CultureInfo.InvariantCulture), csv.GetField("id")!, csv.GetField("group")!, csv.GetField("reason")!);
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
            using var reader = new StreamReader(path);
            using var csv = new CsvReader(reader, CsvFormat.Configuration);
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                var group = csv.GetField("group")!;
                if (!group.StartsWith(OrderDiagnostics.Prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = group.Split(':');
                var p = names.IndexOf(parts.ElementAtOrDefault(1) ?? "");
                if (p < 0 || !int.TryParse(csv.GetField("count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
                {
                    throw new AroInputException($"{path}: line {csv.Parser.Row}: unknown diagnostic row '{group}'");
                }

                (parts.ElementAtOrDefault(2) == "identical" ? identical : wins)[p] += count;
            }
        }

        return new OrderDiagnosticsCounts(cases, wrong, wins, identical);
    }
}

using System.Globalization;

namespace Aro.Core.Results;

/// <summary>
/// Reads <c>seeds.csv</c> (<c>subset,seed,samples,micro_accuracy,macro_accuracy</c>: one row per seed, then a
/// <c>mean</c> and a <c>std</c> row per subset) into one <see cref="SeedStatistics"/> per subset, in file order.
/// </summary>
public static class SeedsCsvReader
{
    public static IReadOnlyList<SeedStatistics> Read(string path)
    {
        using var csv = CsvInput.Open(path, ResultColumns.SeedsRequired);
        var order = new List<string>();
        var seeds = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var means = new Dictionary<string, (double Micro, double Macro)>(StringComparer.Ordinal);
        var stds = new Dictionary<string, (double Micro, double Macro)>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var at = csv.At;
            var subset = csv.Text("subset");
            var seed = csv.Text("seed");
            var values = (csv.Share("micro_accuracy"), csv.Share("macro_accuracy"));
            if (!seeds.ContainsKey(subset))
            {
                order.Add(subset);
                seeds[subset] = [];
            }

            switch (seed)
            {
                case "mean":
                    means[subset] = values;
                    break;
                case "std":
                    stds[subset] = values;
                    break;
                default:
                    seeds[subset].Add(int.TryParse(seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : throw at.Error("seed", $"'{seed}' is neither an integer seed nor 'mean' or 'std'"));
                    break;
            }
        }

        return [.. order.Select(subset => new SeedStatistics(
            subset,
            seeds[subset],
            Value(means, subset, "mean", path).Micro,
            Value(means, subset, "mean", path).Macro,
            Value(stds, subset, "std", path).Micro,
            Value(stds, subset, "std", path).Macro))];
    }

    private static (double Micro, double Macro) Value(Dictionary<string, (double, double)> rows, string subset, string kind, string path) =>
        rows.TryGetValue(subset, out var value)
            ? value
            : throw new AroInputException($"{path}: subset '{subset}' has no '{kind}' row (field 'seed')");
}

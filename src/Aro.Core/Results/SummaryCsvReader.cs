namespace Aro.Core.Results;

/// <summary>Reads <c>summary.csv</c> back; a subset named twice is an error (which row would a gate compare?).</summary>
public static class SummaryCsvReader
{
    public static IReadOnlyList<SummaryRow> Read(string path)
    {
        using var csv = CsvInput.Open(path, ResultColumns.SummaryRequired);
        var rows = new List<SummaryRow>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var at = csv.At;
            var subset = csv.Text("subset");
            if (lines.TryGetValue(subset, out var first))
            {
                throw at.Error("subset", $"'{subset}' already appears on line {first}");
            }

            lines[subset] = at.Number;
            rows.Add(new SummaryRow(
                subset,
                csv.Count("samples"),
                csv.Count("groups"),
                csv.Share("micro_accuracy"),
                csv.Share("macro_accuracy"),
                csv.OptionalCount("skipped"))
            {
                Model = csv.OptionalText("model"),
                RecordInterval = Interval(csv, "record_ci_low", "record_ci_high"),
                MicroInterval = Interval(csv, "micro_ci_low", "micro_ci_high"),
                SeedCount = csv.OptionalCountOrNull("seeds"),
                SeedStd = csv.OptionalNumber("seed_std"),
                Partial = csv.OptionalText("partial"),
            });
        }

        return rows;
    }

    private static Statistics.ConfidenceInterval? Interval(CsvInput csv, string low, string high) =>
        csv.OptionalShare(low) is { } lower && csv.OptionalShare(high) is { } upper ? new Statistics.ConfidenceInterval(lower, upper) : null;
}

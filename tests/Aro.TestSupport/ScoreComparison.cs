namespace Aro.TestSupport;

/// <summary>The outcome of comparing a predictions CSV against reference scores.</summary>
/// <param name="Cases">Rows compared.</param>
/// <param name="MaxScoreDifference">Largest |score - reference| over every option.</param>
/// <param name="PredictionsCompared">Rows whose reference margin allowed comparing the prediction.</param>
/// <param name="PredictionMismatches">Ids whose first argmax differs where it was compared.</param>
public sealed record ScoreComparison(int Cases, double MaxScoreDifference, int PredictionsCompared, IReadOnlyList<string> PredictionMismatches)
{
    /// <summary>
    /// Compares <c>predictions.csv</c> (aro's output) with a reference CSV of <c>id,score_0..</c>. Predictions are compared
    /// where the reference's best option leads the second by more than <paramref name="margin"/>, or on exact ties
    /// (where the first option must win).
    /// </summary>
    public static ScoreComparison Compare(string predictionsCsv, string referenceScoresCsv, double margin = 1e-3)
    {
        var actual = CsvTable.Read(predictionsCsv).Rows.ToDictionary(r => r["id"]);
        var reference = CsvTable.Read(referenceScoresCsv);
        var scoreColumns = reference.Header.Where(h => h.StartsWith("score_", StringComparison.Ordinal)).ToList();
        var max = 0.0;
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var row in reference.Rows)
        {
            if (!actual.TryGetValue(row["id"], out var got))
            {
                throw new InvalidOperationException($"{row["id"]} missing from {predictionsCsv}");
            }

            var want = scoreColumns.Select(c => CsvTable.Number(row[c])).ToArray();
            for (var i = 0; i < want.Length; i++)
            {
                max = Math.Max(max, Math.Abs(want[i] - CsvTable.Number(got[scoreColumns[i]])));
            }

            var ordered = want.OrderByDescending(v => v).ToArray();
            var lead = ordered[0] - ordered[1];
            if (lead > margin || lead == 0)
            {
                compared++;
                var expectedPrediction = Array.IndexOf(want, ordered[0]);
                if (got["prediction"] != expectedPrediction.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    mismatches.Add(row["id"]);
                }
            }
        }

        return new ScoreComparison(reference.Rows.Count, max, compared, mismatches);
    }
}

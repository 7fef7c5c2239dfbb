namespace Aro.Core.Results;

/// <summary>Reads <c>winoground.scores.csv</c> back (for <c>aro report</c>), checking every value.</summary>
public static class PairScoresCsvReader
{
    public static IReadOnlyList<PairScoresLine> Read(string path)
    {
        using var csv = CsvInput.Open(path, ResultColumns.PairScores);
        var rows = new List<PairScoresLine>();
        while (csv.Read())
        {
            rows.Add(new PairScoresLine(csv.Text("group"), csv.Count("count"), csv.Share("text_score"), csv.Share("image_score"), csv.Share("group_score")));
        }

        return rows;
    }
}

/// <summary>One row of a scores table as read back: shares, not counts.</summary>
public sealed record PairScoresLine(string Group, int Count, double Text, double Image, double GroupScore);

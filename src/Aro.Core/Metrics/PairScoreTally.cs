namespace Aro.Core.Metrics;

/// <summary>
/// Text, image and group scores of a pair-matching subset: over all instances and per group, groups in order of first
/// appearance.
/// </summary>
public sealed class PairScoreTally
{
    /// <summary>The name of the row over all instances.</summary>
    public const string All = "all";

    private readonly List<string> _order = [];
    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);
    private readonly int[] _all = new int[4];

    public void Add(string group, PairScores scores)
    {
        if (!_counts.TryGetValue(group, out var counts))
        {
            counts = new int[4];
            _counts[group] = counts;
            _order.Add(group);
        }

        Count(_all, scores);
        Count(counts, scores);
    }

    /// <summary>The <c>all</c> row, then one row per group.</summary>
    public IReadOnlyList<PairScoreRow> Rows() =>
        [Row(All, _all), .. _order.Select(group => Row(group, _counts[group]))];

    private static void Count(int[] counts, PairScores scores)
    {
        counts[0]++;
        counts[1] += scores.TextCorrect ? 1 : 0;
        counts[2] += scores.ImageCorrect ? 1 : 0;
        counts[3] += scores.GroupCorrect ? 1 : 0;
    }

    private static PairScoreRow Row(string group, int[] counts) => new(group, counts[0], counts[1], counts[2], counts[3]);
}

/// <summary>One row of a pair-matching scores table: instances, and how many were right by each score.</summary>
public sealed record PairScoreRow(string Group, int Count, int TextCorrect, int ImageCorrect, int GroupCorrect)
{
    public double TextScore => Share(TextCorrect);

    public double ImageScore => Share(ImageCorrect);

    public double GroupScore => Share(GroupCorrect);

    private double Share(int correct) => Count == 0 ? 0 : (double)correct / Count;
}

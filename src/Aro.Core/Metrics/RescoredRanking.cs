namespace Aro.Core.Metrics;

/// <summary>
/// The ranking BLIP's retrieval evaluation gives a query after re-scoring its candidates: every candidate gets its new
/// score, every other item the fill value (BLIP's matrix is <c>torch.full(..., -100.0)</c> with the candidates written
/// in), and the whole row is ranked in retrieval order (descending score, equal scores lower index first). Computed
/// from the candidates alone: the other items are only needed, in index order, where fewer than k candidates score
/// above the fill.
/// </summary>
public static class RescoredRanking
{
    /// <summary>BLIP's value for items that are not candidates.</summary>
    public const double BlipFill = -100.0;

    /// <summary>The first <paramref name="k"/> items of the row, best first.</summary>
    /// <param name="candidates">The re-scored candidates (distinct indices, any order).</param>
    /// <param name="total">Items in the row.</param>
    /// <param name="fill">The score of every item that is not a candidate.</param>
    /// <param name="k">How many to return (fewer when the row is shorter).</param>
    public static int[] First(IReadOnlyList<(int Index, double Score)> candidates, int total, double fill, int k)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var sorted = candidates.Where(c => !double.IsNaN(c.Score)).ToList();
        sorted.Sort((a, b) => RankedList.Precedes(a.Score, a.Index, b.Score, b.Index) ? -1 : RankedList.Precedes(b.Score, b.Index, a.Score, a.Index) ? 1 : 0);
        var result = new List<int>(k);
        var next = 0;
        while (result.Count < k && next < sorted.Count && sorted[next].Score > fill)
        {
            result.Add(sorted[next++].Index);
        }

        if (result.Count < k)
        {
            // Candidates scoring exactly the fill tie with every other item: all of them in index order.
            var atFill = new SortedSet<int>();
            while (next < sorted.Count && sorted[next].Score == fill)
            {
                atFill.Add(sorted[next++].Index);
            }

            var isCandidate = new HashSet<int>(candidates.Select(c => c.Index));
            for (var j = 0; j < total && result.Count < k; j++)
            {
                if (atFill.Contains(j) || !isCandidate.Contains(j))
                {
                    result.Add(j);
                }
            }
        }

        while (result.Count < k && next < sorted.Count)
        {
            result.Add(sorted[next++].Index);
        }

        return [.. result];
    }
}

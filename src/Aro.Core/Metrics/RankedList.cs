namespace Aro.Core.Metrics;

/// <summary>
/// The best <see cref="Capacity"/> (score, index) pairs offered, in retrieval order: descending score, and among equal
/// scores the lower index first — a stable sort by descending score, cut after <see cref="Capacity"/>. The order is
/// total, so the list is the same whatever order the pairs are offered in (tiles, threads, merges).
/// </summary>
/// <remarks>
/// Kept as a binary heap whose root is the worst pair kept, so a pair that does not make the list costs one
/// comparison and one that does costs log2(capacity) steps (BLIP's 128 candidates were 3.4 times slower to rank with
/// a sorted array, whose insertions shift up to 128 entries). <see cref="Indices"/> sorts a copy.
/// </remarks>
public sealed class RankedList
{
    private readonly double[] _scores;
    private readonly int[] _indices;

    public RankedList(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _scores = new double[capacity];
        _indices = new int[capacity];
    }

    public int Capacity => _scores.Length;

    public int Count { get; private set; }

    /// <summary>The indices, best first.</summary>
    public int[] Indices => [.. Sorted().Select(e => e.Index)];

    /// <summary>The pairs, best first.</summary>
    public IReadOnlyList<(double Score, int Index)> Sorted()
    {
        var entries = new (double Score, int Index)[Count];
        for (var i = 0; i < Count; i++)
        {
            entries[i] = (_scores[i], _indices[i]);
        }

        Array.Sort(entries, (a, b) => Precedes(a.Score, a.Index, b.Score, b.Index) ? -1 : Precedes(b.Score, b.Index, a.Score, a.Index) ? 1 : 0);
        return entries;
    }

    /// <summary>True when (a, i) comes before (b, j) in retrieval order.</summary>
    public static bool Precedes(double a, int i, double b, int j) => a > b || (a == b && i < j);

    public void Offer(double score, int index)
    {
        if (Count < _scores.Length)
        {
            // Sift up: a parent is never better than its children (the root is the worst pair kept).
            var at = Count++;
            while (at > 0)
            {
                var parent = (at - 1) / 2;
                if (!Precedes(_scores[parent], _indices[parent], score, index))
                {
                    break;
                }

                _scores[at] = _scores[parent];
                _indices[at] = _indices[parent];
                at = parent;
            }

            _scores[at] = score;
            _indices[at] = index;
            return;
        }

        if (!Precedes(score, index, _scores[0], _indices[0]))
        {
            return;
        }

        // Replace the worst and sift it down to where both children are better.
        var position = 0;
        while (true)
        {
            var child = (2 * position) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Precedes(_scores[child], _indices[child], _scores[child + 1], _indices[child + 1]))
            {
                child++;
            }

            if (!Precedes(score, index, _scores[child], _indices[child]))
            {
                break;
            }

            _scores[position] = _scores[child];
            _indices[position] = _indices[child];
            position = child;
        }

        _scores[position] = score;
        _indices[position] = index;
    }

    /// <summary>Offers every pair of <paramref name="other"/>.</summary>
    public void Merge(RankedList other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var r = 0; r < other.Count; r++)
        {
            Offer(other._scores[r], other._indices[r]);
        }
    }
}

namespace Aro.Core.Metrics;

/// <summary>
/// The best <see cref="Capacity"/> (score, index) pairs offered, in retrieval order: descending score, and among equal
/// scores the lower index first — a stable sort by descending score, cut after <see cref="Capacity"/>. The order is
/// total, so the list is the same whatever order the pairs are offered in (tiles, threads, merges).
/// </summary>
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

    public int IndexAt(int rank) => _indices[rank];

    public double ScoreAt(int rank) => _scores[rank];

    /// <summary>The indices, best first.</summary>
    public int[] Indices => _indices.AsSpan(0, Count).ToArray();

    /// <summary>True when (a, i) comes before (b, j) in retrieval order.</summary>
    public static bool Precedes(double a, int i, double b, int j) => a > b || (a == b && i < j);

    public void Offer(double score, int index)
    {
        var count = Count;
        if (count == _scores.Length && !Precedes(score, index, _scores[count - 1], _indices[count - 1]))
        {
            return;
        }

        // Insertion from the end: the lists are short (10, or 128 for BLIP's candidates) and most offers stop above.
        var position = count == _scores.Length ? count - 1 : count;
        while (position > 0 && Precedes(score, index, _scores[position - 1], _indices[position - 1]))
        {
            _scores[position] = _scores[position - 1];
            _indices[position] = _indices[position - 1];
            position--;
        }

        _scores[position] = score;
        _indices[position] = index;
        if (count < _scores.Length)
        {
            Count = count + 1;
        }
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

namespace Aro.Core.Metrics;

/// <summary>
/// Embeddings of one side of a retrieval problem (every image, or every caption), one row each, in one array. Rows
/// start every <see cref="Stride"/> floats, a multiple of 16 (64 bytes), so every row has the same alignment:
/// <c>TensorPrimitives.Dot</c> sums long spans in an order that depends on the first span's alignment, and equal
/// alignment makes two identical rows score identically against anything.
/// </summary>
public sealed class EmbeddingMatrix
{
    private const int Alignment = 16;
    private readonly float[] _values;
    private readonly bool[] _set;

    public EmbeddingMatrix(int rows, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        Rows = rows;
        Dimension = dimension;
        Stride = (dimension + Alignment - 1) / Alignment * Alignment;
        _values = new float[(long)rows * Stride];
        _set = new bool[rows];
    }

    public int Rows { get; }

    public int Dimension { get; }

    /// <summary>Floats from one row's start to the next's.</summary>
    public int Stride { get; }

    /// <summary>Bytes held: what a matrix of this size costs.</summary>
    public long Bytes => (long)_values.Length * sizeof(float);

    /// <summary>True once every row was set.</summary>
    public bool Complete => Array.TrueForAll(_set, s => s);

    /// <summary>The first row not set, or -1.</summary>
    public int FirstMissing => Array.IndexOf(_set, false);

    public void Set(int row, ReadOnlySpan<float> embedding)
    {
        if (embedding.Length != Dimension)
        {
            throw new AroException($"embedding of row {row} has {embedding.Length} values; the others have {Dimension}");
        }

        embedding.CopyTo(_values.AsSpan(row * Stride, Dimension));
        _set[row] = true;
    }

    public ReadOnlySpan<float> Row(int row) => _values.AsSpan(row * Stride, Dimension);

    /// <summary>A copy of one row (for scorers that take arrays).</summary>
    public float[] RowArray(int row) => Row(row).ToArray();
}

namespace Aro.Core.Text.Pos;

/// <summary>
/// Final, read-only weights of one tagging stage: for each feature hash (ascending), the labels it votes for
/// and their quantised weights.
/// </summary>
internal sealed class WeightTable : IFeatureScorer
{
    private readonly uint[] _keys;
    private readonly int[] _rowStarts;
    private readonly byte[] _classes;
    private readonly sbyte[] _weights;
    private readonly Dictionary<uint, int> _rowOfFeature;

    /// <param name="keys">Feature hashes, strictly ascending.</param>
    /// <param name="rowStarts">Where each feature's weights start; one extra end entry.</param>
    /// <param name="classes">Label index of each weight.</param>
    /// <param name="weights">The weights as <see cref="LogWeightCodes"/> codes.</param>
    public WeightTable(uint[] keys, int[] rowStarts, byte[] classes, sbyte[] weights)
    {
        _keys = keys;
        _rowStarts = rowStarts;
        _classes = classes;
        _weights = weights;
        _rowOfFeature = new Dictionary<uint, int>(keys.Length);
        for (var row = 0; row < keys.Length; row++)
        {
            _rowOfFeature.Add(keys[row], row);
        }
    }

    public int FeatureCount => _keys.Length;

    public int WeightCount => _weights.Length;

    public void Score(ReadOnlySpan<uint> features, Span<int> scores)
    {
        foreach (var feature in features)
        {
            if (!_rowOfFeature.TryGetValue(feature, out var row))
            {
                continue;
            }

            for (var k = _rowStarts[row]; k < _rowStarts[row + 1]; k++)
            {
                scores[_classes[k]] += LogWeightCodes.Value(_weights[k]);
            }
        }
    }

    /// <summary>Feature hashes, strictly ascending (one per row).</summary>
    internal ReadOnlySpan<uint> Keys => _keys;

    /// <summary>Where each row's weights start in <see cref="Classes"/> and <see cref="Codes"/>; one extra end entry.</summary>
    internal ReadOnlySpan<int> RowStarts => _rowStarts;

    /// <summary>The label index of each weight.</summary>
    internal ReadOnlySpan<byte> Classes => _classes;

    /// <summary>Each weight's <see cref="LogWeightCodes"/> code.</summary>
    internal ReadOnlySpan<sbyte> Codes => _weights;

    /// <summary>
    /// Reads a stage: feature count, then per feature the hash delta (7-bit varint), weight count - 1, the labels,
    /// the weight codes.
    /// </summary>
    public static WeightTable Read(BinaryReader reader, int labelCount)
    {
        var featureCount = reader.ReadInt32();
        if (featureCount < 0)
        {
            throw new InvalidDataException($"negative feature count {featureCount}");
        }

        var keys = new uint[featureCount];
        var rowStarts = new int[featureCount + 1];
        var classes = new List<byte>(featureCount * 4);
        var weights = new List<sbyte>(featureCount * 4);
        var key = 0L;
        for (var row = 0; row < featureCount; row++)
        {
            var delta = reader.Read7BitEncodedInt64();
            if (delta < 0 || (row > 0 && delta == 0) || key + delta > uint.MaxValue)
            {
                throw new InvalidDataException($"feature {row} is out of order");
            }

            key += delta;
            keys[row] = (uint)key;
            rowStarts[row] = classes.Count;
            var count = reader.ReadByte() + 1;
            var rowClasses = reader.ReadBytes(count);
            if (rowClasses.Length != count)
            {
                throw new EndOfStreamException();
            }

            foreach (var label in rowClasses)
            {
                if (label >= labelCount)
                {
                    throw new InvalidDataException($"feature {row} names label {label} of {labelCount}");
                }

                classes.Add(label);
            }

            for (var k = 0; k < count; k++)
            {
                weights.Add(reader.ReadSByte());
            }
        }

        rowStarts[featureCount] = classes.Count;
        return new WeightTable(keys, rowStarts, [.. classes], [.. weights]);
    }
}

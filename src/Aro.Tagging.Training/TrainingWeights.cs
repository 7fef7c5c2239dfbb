using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>
/// Perceptron weights while they are learned: integers, with the running sums that averaging needs kept lazily
/// (a weight's sum is brought up to date only when the weight changes, then once at the end).
/// </summary>
internal sealed class TrainingWeights : IFeatureScorer, IFeatureLearner
{
    private readonly Dictionary<uint, WeightRow> _rows = [];

    /// <summary>Updates made so far; each scored token is one step of the average.</summary>
    public int Steps { get; private set; }

    public int FeatureCount => _rows.Count;

    public void Score(ReadOnlySpan<uint> features, Span<int> scores)
    {
        foreach (var feature in features)
        {
            if (_rows.TryGetValue(feature, out var row))
            {
                row.AddTo(scores);
            }
        }
    }

    /// <summary>One perceptron step: when the guess is wrong, +1 for the gold label and -1 for the guess.</summary>
    public void Learn(ReadOnlySpan<uint> features, int gold, int guess)
    {
        Steps++;
        if (gold == guess)
        {
            return;
        }

        foreach (var feature in features)
        {
            if (!_rows.TryGetValue(feature, out var row))
            {
                row = new WeightRow();
                _rows.Add(feature, row);
            }

            row.Update((byte)gold, +1, Steps);
            row.Update((byte)guess, -1, Steps);
        }
    }

    /// <summary>The averaged weights as one-byte codes (<see cref="WeightQuantizer"/>); negligible weights and empty features dropped.</summary>
    public WeightTable Average()
    {
        var steps = Math.Max(Steps, 1);
        var averaged = new List<(uint Key, List<(byte Label, double Weight)> Entries)>(_rows.Count);
        var maximum = 0.0;
        foreach (var (key, row) in _rows)
        {
            var entries = new List<(byte, double)>();
            for (var k = 0; k < row.Count; k++)
            {
                var total = row.Totals[k] + ((long)(steps - row.Stamps[k]) * row.Weights[k]);
                if (total != 0)
                {
                    var average = (double)total / steps;
                    maximum = Math.Max(maximum, Math.Abs(average));
                    entries.Add((row.Labels[k], average));
                }
            }

            if (entries.Count > 0)
            {
                averaged.Add((key, entries));
            }
        }

        averaged.Sort((a, b) => a.Key.CompareTo(b.Key));
        var keys = new List<uint>(averaged.Count);
        var rowStarts = new List<int>(averaged.Count + 1);
        var classes = new List<byte>();
        var weights = new List<sbyte>();
        foreach (var (key, entries) in averaged)
        {
            var start = classes.Count;
            foreach (var (label, weight) in entries.OrderBy(entry => entry.Label))
            {
                var quantised = WeightQuantizer.Encode(weight, maximum);
                if (quantised != 0)
                {
                    classes.Add(label);
                    weights.Add(quantised);
                }
            }

            if (classes.Count > start)
            {
                keys.Add(key);
                rowStarts.Add(start);
            }
        }

        rowStarts.Add(classes.Count);
        return new WeightTable([.. keys], [.. rowStarts], [.. classes], [.. weights]);
    }

    /// <summary>One feature's weights, one entry per label it has voted for.</summary>
    private sealed class WeightRow
    {
        public byte[] Labels = new byte[2];
        public int[] Weights = new int[2];
        public long[] Totals = new long[2];
        public int[] Stamps = new int[2];
        public int Count;

        public void AddTo(Span<int> scores)
        {
            for (var k = 0; k < Count; k++)
            {
                scores[Labels[k]] += Weights[k];
            }
        }

        public void Update(byte label, int delta, int step)
        {
            var k = Array.IndexOf(Labels, label, 0, Count);
            if (k < 0)
            {
                if (Count == Labels.Length)
                {
                    Array.Resize(ref Labels, Count * 2);
                    Array.Resize(ref Weights, Count * 2);
                    Array.Resize(ref Totals, Count * 2);
                    Array.Resize(ref Stamps, Count * 2);
                }

                k = Count++;
                Labels[k] = label;
                Stamps[k] = step;
            }

            // Bring the running sum up to this step with the old value, then change the value.
            Totals[k] += (long)(step - Stamps[k]) * Weights[k];
            Stamps[k] = step;
            Weights[k] += delta;
        }
    }
}

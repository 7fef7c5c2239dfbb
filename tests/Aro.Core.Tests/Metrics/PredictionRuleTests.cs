using Aro.Core.Benchmarks.Aro;
using Aro.Core.Benchmarks.SugarCrepe;
using Aro.Core.Metrics;
using Xunit;

namespace Aro.Core.Tests.Metrics;

/// <summary>Each benchmark's tie rule, on hand-made score lists.</summary>
public sealed class PredictionRuleTests
{
    [Theory]
    // scores, expected index (numpy's argmax gives the same on every row, NaN included)
    [InlineData(new[] { 0.1, 0.2 }, 1)]
    [InlineData(new[] { 0.3, 0.2 }, 0)]
    [InlineData(new[] { 0.2, 0.2 }, 0)] // VG tie: option 0 (false caption) wins, counted wrong
    [InlineData(new[] { 0.5, 0.1, 0.5, 0.2, 0.5 }, 0)] // Order tie with the original: counted right
    [InlineData(new[] { 0.1, 0.7, 0.7, 0.2, 0.3 }, 1)]
    [InlineData(new[] { -0.4, -0.1, -0.3 }, 1)]
    [InlineData(new[] { 0.1, double.NaN, 0.2 }, 1)] // np.argmax([0.1, nan, 0.2]) == 1
    [InlineData(new[] { double.NaN, 0.3 }, 0)]
    public void First_argmax_returns_the_first_maximum_as_numpy_does(double[] scores, int expected)
    {
        Assert.Equal(expected, PredictionRule.FirstArgmax.Predict(scores, label: 0));
        Assert.Equal(expected, PredictionRule.FirstArgmax.Predict(scores, label: 1));
    }

    [Theory]
    // scores [caption, negative], expected prediction: SugarCrepe's `1 if pos > neg else 0` as a prediction of option 0
    [InlineData(new[] { 0.31, 0.30 }, 0)]
    [InlineData(new[] { 0.30, 0.31 }, 1)]
    [InlineData(new[] { 0.30, 0.30 }, 1)] // a tie is wrong
    [InlineData(new[] { double.NaN, 0.30 }, 1)]
    [InlineData(new[] { 0.30, double.NaN }, 1)]
    public void Label_strictly_highest_counts_a_tie_wrong(double[] scores, int expected)
    {
        Assert.Equal(expected, PredictionRule.LabelStrictlyHighest.Predict(scores, label: 0));
    }

    [Fact]
    public void With_more_options_the_label_must_beat_every_other_and_otherwise_the_first_best_other_is_predicted()
    {
        Assert.Equal(3, PredictionRule.LabelStrictlyHighest.Predict([0.5, 0.1, 0.9, 0.9], label: 2));
        Assert.Equal(1, PredictionRule.LabelStrictlyHighest.Predict([0.5, 0.95, 0.9, 0.1], label: 1));
        Assert.Equal(0, PredictionRule.LabelStrictlyHighest.Predict([0.5, 0.5, 0.4], label: 1));
    }

    [Fact]
    public void The_registered_subsets_state_their_official_rules()
    {
        Assert.Same(PredictionRule.FirstArgmax, VgRelationSubset.Instance.Prediction);
        Assert.Same(PredictionRule.FirstArgmax, OrderSubset.Coco.Prediction);
        Assert.Same(PredictionRule.LabelStrictlyHighest, SugarCrepeBenchmark.SwapAtt.Prediction);

        // The same exact tie: wrong on VG (false caption first), right on Order (original first), wrong on SugarCrepe.
        Assert.NotEqual(1, VgRelationSubset.Instance.Prediction.Predict([0.25, 0.25], label: 1));
        Assert.Equal(0, OrderSubset.Coco.Prediction.Predict([0.25, 0.25, 0.1, 0.2, 0.0], label: 0));
        Assert.NotEqual(0, SugarCrepeBenchmark.SwapAtt.Prediction.Predict([0.25, 0.25], label: 0));
    }
}

namespace Aro.Core.Text.Pos;

/// <summary>
/// Weights that learn while <see cref="GreedyDecoder"/> tags (the trainer's): told each position's features, the
/// gold label and the label just chosen. Tagging with a trained model passes none.
/// </summary>
internal interface IFeatureLearner
{
    void Learn(ReadOnlySpan<uint> features, int gold, int guess);
}

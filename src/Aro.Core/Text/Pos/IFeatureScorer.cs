namespace Aro.Core.Text.Pos;

/// <summary>Adds the weights of a position's features to one score per label (final or in-training weights).</summary>
internal interface IFeatureScorer
{
    void Score(ReadOnlySpan<uint> features, Span<int> scores);
}

using Aro.Core.Cases;
using Aro.Core.Models.Scoring;

namespace Aro.Core.Pipeline;

/// <summary>
/// A sink that takes each case's encodings instead of its scores: when <see cref="EvaluationPipeline.RunAsync"/> is
/// given one, it prepares, de-duplicates, caches and encodes as always, then hands over what the scorer would have
/// received and scores nothing (<see cref="ICaseSink.Add"/> is not called; <see cref="ICaseSink.Skip"/> and
/// <see cref="ICaseSink.BatchCompleted"/> are). Evaluations that score many images against many captions (retrieval)
/// collect embeddings this way.
/// </summary>
public interface IEncodingSink : ICaseSink
{
    /// <summary>The case's image encoding and its options' encodings, in option order.</summary>
    void Encoded(AroCase aroCase, ScoringRequest encodings);
}

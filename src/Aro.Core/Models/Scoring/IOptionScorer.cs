using Aro.Core.Models;

namespace Aro.Core.Models.Scoring;

/// <summary>
/// Scores every option of a batch of cases. Taking the whole batch lets cross-encoders (BLIP's ITM head) run
/// all (image, caption) pairs in one graph call; dual encoders just take dot products.
/// </summary>
public interface IOptionScorer
{
    /// <summary>The scores of each request's options, in order.</summary>
    IReadOnlyList<double[]> Score(IReadOnlyList<ScoringRequest> requests, CancellationToken cancellationToken = default);
}

/// <summary>One case ready to score: its encoded image and its encoded options, in option order.</summary>
public sealed record ScoringRequest(ImageEncoding Image, IReadOnlyList<TextEncoding> Options);

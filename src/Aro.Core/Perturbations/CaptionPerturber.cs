using Aro.Core.Randomness;
using Aro.Core.Text.Pos;

namespace Aro.Core.Perturbations;

/// <summary>
/// Perturbs captions the way the ARO paper's retrieval experiment does: <c>p(pre_caption(caption, 30))</c>, the
/// perturbation working on the already cleaned, lower-case text and its tokens re-joined by single spaces, with no
/// second cleaning — the opposite order to the Order subsets (<see cref="OrderCaseBuilder"/>).
/// </summary>
/// <remarks>
/// The four Order shuffles are <see cref="OrderCaseBuilder.Perturb(string, OrderPerturbation, int)"/> itself, drawing
/// from the stream (seed, caption index, Order perturbation number 0–3); <c>shuffle_all_words</c> splits on single
/// spaces as the official <c>ex.split(" ")</c> does, permutes with <see cref="SplitMix64.Shuffle{T}"/> (Fisher–Yates from
/// the last position down) and draws from the stream (seed, caption index, <see cref="AllWordsStream"/>). So every
/// caption's perturbation depends only on the seed, its index in the file and its text.
/// </remarks>
public sealed class CaptionPerturber
{
    /// <summary>The stream key of <c>shuffle_all_words</c>, after the four Order perturbations' 0–3.</summary>
    public const ulong AllWordsStream = 4;

    private readonly OrderCaseBuilder _order;
    private readonly ulong _seed;

    /// <param name="seed">The seed of every shuffle (<c>--seed</c>).</param>
    /// <param name="tagger">The part-of-speech tagger; null for the embedded one.</param>
    public CaptionPerturber(long seed, IPosTagger? tagger = null)
    {
        Seed = seed;
        _seed = unchecked((ulong)seed);
        _order = new OrderCaseBuilder(seed, tagger);
    }

    public long Seed { get; }

    /// <summary>The perturbed text of the caption at <paramref name="captionIndex"/>, given its cleaned text.</summary>
    public string Perturb(string cleaned, CaptionPerturbation perturbation, int captionIndex)
    {
        ArgumentNullException.ThrowIfNull(cleaned);
        ArgumentOutOfRangeException.ThrowIfNegative(captionIndex);
        return perturbation switch
        {
            CaptionPerturbation.None => cleaned,
            CaptionPerturbation.ShuffleAllWords => string.Join(' ',
                TokenShuffles.AllWords(cleaned.Split(' '), SplitMix64.ForStream(_seed, (ulong)captionIndex, AllWordsStream))),
            _ => _order.Perturb(cleaned, perturbation.AsOrder() ?? throw new ArgumentOutOfRangeException(nameof(perturbation)), captionIndex),
        };
    }
}

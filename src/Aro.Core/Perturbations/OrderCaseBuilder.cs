using Aro.Core.Randomness;
using Aro.Core.Text;
using Aro.Core.Text.Pos;

namespace Aro.Core.Perturbations;

/// <summary>
/// Builds the five options of an Order case from one caption (docs/order-perturbations.md):
/// <c>[pre_caption(c, 30), pre_caption(p1(c), 30), ..., pre_caption(p4(c), 30)]</c>, where the perturbations
/// (<see cref="OrderPerturbation"/>) work on the raw caption and re-join their tokens with single spaces.
/// </summary>
/// <remarks>
/// <para>Randomness: each (case index, perturbation) pair draws from its own <see cref="SplitMix64"/> stream
/// derived from the seed, so a case's options do not depend on which other cases were built before it: a shard,
/// a <c>--limit</c> prefix and the full subset give the same options for the same case, on every machine.</para>
/// <para>Differences from ARO's Python, all documented in docs/order-perturbations.md: noun and adjective tags come from
/// aro's own tagger (<see cref="PerceptronTagger"/>, trained on UD English EWT) instead of spaCy's
/// <c>en_core_web_sm</c>, on <see cref="PennTreebankTokenizer.SpacyLike"/> tokens instead of spaCy's; the trigram
/// perturbations use <see cref="PennTreebankTokenizer.Nltk"/>, which equals <c>nltk.word_tokenize</c> (Punkt
/// sentences, then the Treebank rules); spaCy's whitespace tokens (from doubled spaces) are not produced; and the shuffles draw from SplitMix64, not
/// from NumPy's and Python's generators, so no seed reproduces ARO's exact captions (which were never released).</para>
/// </remarks>
public sealed class OrderCaseBuilder
{
    /// <summary>The seed aro uses when none is given (ARO's <c>main_aro.py --seed</c> default).</summary>
    public const long DefaultSeed = 1;

    private readonly IPosTagger _tagger;
    private readonly ulong _seed;

    /// <param name="seed">The seed of every shuffle.</param>
    /// <param name="tagger">The part-of-speech tagger for the noun/adjective shuffles; null for the embedded one.</param>
    public OrderCaseBuilder(long seed = DefaultSeed, IPosTagger? tagger = null)
    {
        Seed = seed;
        _seed = unchecked((ulong)seed);
        _tagger = tagger ?? PerceptronTagger.LoadEmbedded();
    }

    /// <summary>The seed of every shuffle.</summary>
    public long Seed { get; }

    /// <summary>
    /// The five options of the case at <paramref name="caseIndex"/>: the cleaned original, then the four
    /// cleaned perturbations in <see cref="OrderPerturbationNames.All"/> order.
    /// </summary>
    public IReadOnlyList<string> BuildOptions(string caption, int caseIndex)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentOutOfRangeException.ThrowIfNegative(caseIndex);
        var analysis = new CaptionAnalysis(caption, _tagger);
        var options = new string[1 + OrderPerturbationNames.All.Count];
        options[0] = PreCaption.Apply(caption, PreCaption.OrderMaxWords);
        foreach (var perturbation in OrderPerturbationNames.All)
        {
            options[1 + (int)perturbation] = PreCaption.Apply(Perturb(analysis, perturbation, caseIndex), PreCaption.OrderMaxWords);
        }

        return options;
    }

    /// <summary>One perturbation of the raw caption, its tokens joined by single spaces, before <c>pre_caption</c>.</summary>
    public string Perturb(string caption, OrderPerturbation perturbation, int caseIndex)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentOutOfRangeException.ThrowIfNegative(caseIndex);
        return Perturb(new CaptionAnalysis(caption, _tagger), perturbation, caseIndex);
    }

    private string Perturb(CaptionAnalysis caption, OrderPerturbation perturbation, int caseIndex)
    {
        var random = SplitMix64.ForStream(_seed, (ulong)caseIndex, (ulong)perturbation);
        var tokens = perturbation switch
        {
            OrderPerturbation.ShuffleNounsAndAdjectives => TokenShuffles.NounsAndAdjectives(caption.TaggerTokens, caption.Tags, random),
            OrderPerturbation.ShuffleAllButNounsAndAdjectives => TokenShuffles.AllButNounsAndAdjectives(caption.TaggerTokens, caption.Tags, random),
            OrderPerturbation.ShuffleWithinTrigrams => TokenShuffles.WithinTrigrams(caption.NltkTokens, random),
            OrderPerturbation.ShuffleTrigrams => TokenShuffles.TrigramOrder(caption.NltkTokens, random),
            _ => throw new ArgumentOutOfRangeException(nameof(perturbation), perturbation, "not an Order perturbation"),
        };
        return string.Join(' ', tokens);
    }

    /// <summary>A caption's two tokenisations and its tags, each computed once and only when needed.</summary>
    private sealed class CaptionAnalysis(string caption, IPosTagger tagger)
    {
        private IReadOnlyList<string>? _taggerTokens;
        private IReadOnlyList<PosTag>? _tags;
        private IReadOnlyList<string>? _nltkTokens;

        public IReadOnlyList<string> TaggerTokens => _taggerTokens ??= PennTreebankTokenizer.SpacyLike.Tokenize(caption);

        public IReadOnlyList<PosTag> Tags => _tags ??= CheckedTags();

        private IReadOnlyList<PosTag> CheckedTags()
        {
            var tags = tagger.Tag(TaggerTokens);
            return tags.Count == TaggerTokens.Count
                ? tags
                : throw new InvalidOperationException($"the tagger returned {tags.Count} tags for {TaggerTokens.Count} tokens");
        }

        public IReadOnlyList<string> NltkTokens => _nltkTokens ??= PennTreebankTokenizer.Nltk.Tokenize(caption);
    }
}

using Aro.Core.Models;
using Aro.Core.Models.Scoring;
using Xunit;

namespace Aro.Core.Tests.Eval;

/// <summary>ARO's BLIP score on a recording stand-in for the ITM graph: what it is asked, and how scores add up.</summary>
public sealed class ItmItcScorerTests
{
    private const int Enc = 99;

    [Fact]
    public void Score_is_the_positive_logit_plus_the_cosine()
    {
        var itm = new RecordingItm();
        var image = new ImageEncoding([0.6f, 0.8f], [1f, 2f, 3f, 4f]);
        var left = new TextEncoding([2, 5, 3], [1f, 0f]);
        var right = new TextEncoding([2, 6, 7, 3], [0f, 1f]);

        var scores = new ItmItcScorer(itm, Enc).Score([new ScoringRequest(image, [left, right])]);

        // RecordingItm answers pair i with logits [-1, 10 * (i + 1)]; cosines are 0.6 and 0.8.
        Assert.Equal(10 + 0.6, scores[0][0], 6);
        Assert.Equal(20 + 0.8, scores[0][1], 6);
    }

    [Fact]
    public void Itm_reads_enc_at_position_0_and_the_itc_ids_stay_unchanged()
    {
        var itm = new RecordingItm();
        var image = new ImageEncoding([1f, 0f], [1f, 2f]);
        var caption = new TextEncoding([2, 5, 3], [1f, 0f]);

        new ItmItcScorer(itm, Enc).Score([new ScoringRequest(image, [caption])]);

        var pair = Assert.Single(itm.Seen);
        Assert.Equal([Enc, 5, 3], pair.TokenIds);
        Assert.Same(image.TokenFeatures, pair.ImageFeatures);
        Assert.Equal([2, 5, 3], caption.TokenIds);
    }

    [Fact]
    public void A_batch_goes_to_the_itm_graph_in_one_call_with_each_pair_once()
    {
        var itm = new RecordingItm();
        var first = new ImageEncoding([1f, 0f], [1f]);
        var second = new ImageEncoding([0f, 1f], [2f]);
        var a = new TextEncoding([2, 5, 3], [1f, 0f]);
        var b = new TextEncoding([2, 6, 3], [0f, 1f]);

        var scores = new ItmItcScorer(itm, Enc).Score(
        [
            new ScoringRequest(first, [a, b]),
            new ScoringRequest(second, [a, b]),
            new ScoringRequest(first, [b, a]),
        ]);

        Assert.Equal(1, itm.Calls);
        Assert.Equal(4, itm.Seen.Count);
        // The third case repeats the first one's pairs in the other order: pair 1 (first, b), pair 0 (first, a).
        Assert.Equal(20 + 0.0, scores[2][0], 6);
        Assert.Equal(10 + 1.0, scores[2][1], 6);
    }

    [Fact]
    public void Images_without_token_features_are_refused()
    {
        var request = new ScoringRequest(new ImageEncoding([1f]), [new TextEncoding([2, 3], [1f])]);

        Assert.Throws<InvalidOperationException>(() => new ItmItcScorer(new RecordingItm(), Enc).Score([request]));
    }

    private sealed class RecordingItm : IItmEncoder
    {
        public List<ItmPair> Seen { get; } = [];

        public int Calls { get; private set; }

        public GraphSignature Signature => throw new NotSupportedException();

        public IReadOnlyList<float[]> Logits(IReadOnlyList<ItmPair> pairs, CancellationToken cancellationToken = default)
        {
            Calls++;
            Seen.AddRange(pairs);
            return [.. pairs.Select((_, i) => new[] { -1f, 10f * (i + 1) })];
        }

        public void Dispose()
        {
        }
    }
}

using Aro.Core.Models;

namespace Aro.Core.Models.Scoring;

/// <summary>
/// BLIP as ARO scores it: the ITM head's positive logit (class 1, before softmax) plus the ITC cosine of the
/// normalised embeddings (docs/protocol.md, "Scoring modes"). The ITM pass reads the caption with <c>[ENC]</c> in place of
/// <c>[CLS]</c>; the ITC embedding was made with <c>[CLS]</c>. All (case, option) pairs of the scoring batch go
/// to the ITM graph together, each distinct (image, caption) pair once; the encoder chunks them.
/// </summary>
public sealed class ItmItcScorer(IItmEncoder itm, int encTokenId) : IOptionScorer
{
    public IReadOnlyList<double[]> Score(IReadOnlyList<ScoringRequest> requests, CancellationToken cancellationToken = default)
    {
        // The pipeline shares one ImageEncoding per distinct image and one TextEncoding per distinct caption, and
        // their record equality compares array references, so repeated pairs cost one key lookup.
        var pairIndex = new Dictionary<(ImageEncoding, TextEncoding), int>();
        var pairs = new List<ItmPair>();
        var slots = new int[requests.Count][];
        for (var r = 0; r < requests.Count; r++)
        {
            var request = requests[r];
            var features = request.Image.TokenFeatures
                ?? throw new InvalidOperationException("ITM scoring needs image token features; the image encoder was built without them");
            slots[r] = new int[request.Options.Count];
            for (var o = 0; o < request.Options.Count; o++)
            {
                var option = request.Options[o];
                if (!pairIndex.TryGetValue((request.Image, option), out var index))
                {
                    index = pairs.Count;
                    pairIndex.Add((request.Image, option), index);
                    pairs.Add(new ItmPair(features, WithEncToken(option.TokenIds)));
                }

                slots[r][o] = index;
            }
        }

        var logits = itm.Logits(pairs, cancellationToken);
        var scores = new double[requests.Count][];
        for (var r = 0; r < requests.Count; r++)
        {
            var request = requests[r];
            scores[r] = new double[request.Options.Count];
            for (var o = 0; o < request.Options.Count; o++)
            {
                var cosine = VectorMath.Dot(request.Image.Embedding, request.Options[o].Embedding);
                scores[r][o] = logits[slots[r][o]][1] + cosine;
            }
        }

        return scores;
    }

    private int[] WithEncToken(int[] ids)
    {
        var copy = (int[])ids.Clone();
        copy[0] = encTokenId;
        return copy;
    }
}

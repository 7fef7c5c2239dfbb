using Aro.Core.Randomness;
using Aro.Core.Text.Pos;

namespace Aro.Core.Perturbations;

/// <summary>
/// The token-level shuffles behind the four Order perturbations (docs/order-perturbations.md; ARO's <c>TextShuffler</c>)
/// and the retrieval experiment's shuffle of all words.
/// Each returns a new list that is a permutation of its input.
/// </summary>
internal static class TokenShuffles
{
    /// <summary>Nouns permuted among the noun positions, then adjectives among the adjective positions.</summary>
    public static List<string> NounsAndAdjectives(IReadOnlyList<string> tokens, IReadOnlyList<PosTag> tags, SplitMix64 random)
    {
        var result = tokens.ToList();
        PermuteAt(result, Positions(tags, NounAdjectiveClass.Noun), random);
        PermuteAt(result, Positions(tags, NounAdjectiveClass.Adjective), random);
        return result;
    }

    /// <summary>Every token that is neither noun nor adjective permuted among those positions.</summary>
    public static List<string> AllButNounsAndAdjectives(IReadOnlyList<string> tokens, IReadOnlyList<PosTag> tags, SplitMix64 random)
    {
        var result = tokens.ToList();
        PermuteAt(result, Positions(tags, NounAdjectiveClass.Other), random);
        return result;
    }

    /// <summary>Tokens shuffled inside each chunk of three (the last chunk may hold one or two).</summary>
    public static List<string> WithinTrigrams(IReadOnlyList<string> tokens, SplitMix64 random)
    {
        var result = new List<string>(tokens.Count);
        foreach (var trigram in Trigrams(tokens))
        {
            random.Shuffle(trigram);
            result.AddRange(trigram);
        }

        return result;
    }

    /// <summary>The chunks of three kept whole, their order shuffled.</summary>
    public static List<string> TrigramOrder(IReadOnlyList<string> tokens, SplitMix64 random)
    {
        var trigrams = Trigrams(tokens);
        random.Shuffle(trigrams);
        return [.. trigrams.SelectMany(trigram => trigram)];
    }

    /// <summary>Every word permuted (the retrieval experiment's <c>shuffle_all_words</c>).</summary>
    public static List<string> AllWords(IReadOnlyList<string> words, SplitMix64 random)
    {
        var result = words.ToList();
        random.Shuffle(result);
        return result;
    }

    /// <summary>Consecutive chunks of three tokens, in order; the last may be shorter.</summary>
    public static List<List<string>> Trigrams(IReadOnlyList<string> tokens)
    {
        var trigrams = new List<List<string>>((tokens.Count + 2) / 3);
        for (var start = 0; start < tokens.Count; start += 3)
        {
            trigrams.Add([.. tokens.Skip(start).Take(3)]);
        }

        return trigrams;
    }

    private static List<int> Positions(IReadOnlyList<PosTag> tags, NounAdjectiveClass wanted)
    {
        var positions = new List<int>();
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i].NounAdjective == wanted)
            {
                positions.Add(i);
            }
        }

        return positions;
    }

    private static void PermuteAt(List<string> tokens, List<int> positions, SplitMix64 random)
    {
        var values = positions.Select(i => tokens[i]).ToList();
        random.Shuffle(values);
        for (var k = 0; k < positions.Count; k++)
        {
            tokens[positions[k]] = values[k];
        }
    }
}

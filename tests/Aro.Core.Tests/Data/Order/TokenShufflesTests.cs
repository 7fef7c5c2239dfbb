using Aro.Core.Perturbations;
using Aro.Core.Randomness;
using Aro.Core.Text.Pos;
using Xunit;

namespace Aro.Core.Tests.Data.Order;

public sealed class TokenShufflesTests
{
    private static readonly string[] Tokens = ["the", "big", "dog", "saw", "a", "small", "cat", "and", "tall", "trees", "."];
    private static readonly string[] Xpos = ["DT", "JJ", "NN", "VBD", "DT", "JJS", "NN", "CC", "JJR", "NNS", "."];
    private static readonly PosTag[] Tags = [.. Xpos.Select(xpos => new PosTag("X", xpos))];

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Nouns_and_adjectives_move_only_among_their_own_slots(ulong seed)
    {
        var shuffled = TokenShuffles.NounsAndAdjectives(Tokens, Tags, new SplitMix64(seed));
        int[] nounSlots = [2, 6, 9];
        int[] adjectiveSlots = [1, 5, 8];
        int[] otherSlots = [0, 3, 4, 7, 10];
        Assert.Equal(["cat", "dog", "trees"], nounSlots.Select(i => shuffled[i]).Order(StringComparer.Ordinal));
        Assert.Equal(["big", "small", "tall"], adjectiveSlots.Select(i => shuffled[i]).Order(StringComparer.Ordinal));
        Assert.All(otherSlots, i => Assert.Equal(Tokens[i], shuffled[i]));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void All_but_nouns_and_adjectives_keeps_nouns_and_adjectives_in_place(ulong seed)
    {
        var shuffled = TokenShuffles.AllButNounsAndAdjectives(Tokens, Tags, new SplitMix64(seed));
        int[] kept = [1, 2, 5, 6, 8, 9];
        int[] moved = [0, 3, 4, 7, 10];
        Assert.All(kept, i => Assert.Equal(Tokens[i], shuffled[i]));
        Assert.Equal([".", "a", "and", "saw", "the"], moved.Select(i => shuffled[i]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_shuffles_draw_different_orders_from_different_streams()
    {
        var orders = Enumerable.Range(0, 20)
            .Select(seed => string.Join(' ', TokenShuffles.AllButNounsAndAdjectives(Tokens, Tags, new SplitMix64((ulong)seed))))
            .ToHashSet();
        Assert.True(orders.Count > 10, $"only {orders.Count} distinct orders in 20 draws");
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "0")]
    [InlineData(2, "0 1")]
    [InlineData(3, "0 1 2")]
    [InlineData(4, "0 1 2|3")]
    [InlineData(7, "0 1 2|3 4 5|6")]
    public void Trigrams_are_consecutive_chunks_of_three(int count, string expected)
    {
        var tokens = Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var trigrams = TokenShuffles.Trigrams(tokens).Select(chunk => string.Join(' ', chunk));
        Assert.Equal(expected, string.Join('|', trigrams));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(5UL)]
    public void Within_trigrams_each_chunk_keeps_its_tokens(ulong seed)
    {
        var shuffled = TokenShuffles.WithinTrigrams(Tokens, new SplitMix64(seed));
        Assert.Equal(["big", "dog", "the"], shuffled[0..3].Order(StringComparer.Ordinal));
        Assert.Equal(["a", "saw", "small"], shuffled[3..6].Order(StringComparer.Ordinal));
        Assert.Equal(["and", "cat", "tall"], shuffled[6..9].Order(StringComparer.Ordinal));
        Assert.Equal([".", "trees"], shuffled[9..11].Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(5UL)]
    public void Trigram_order_keeps_each_chunk_whole(ulong seed)
    {
        var shuffled = TokenShuffles.TrigramOrder(Tokens, new SplitMix64(seed));
        string[] chunks = ["the big dog", "saw a small", "cat and tall", "trees ."];
        var joined = string.Join(' ', shuffled);
        Assert.Equal(Tokens.Length, shuffled.Count);
        Assert.All(chunks, chunk => Assert.Contains(chunk, joined, StringComparison.Ordinal));
    }
}

using Aro.Core.Perturbations;
using Xunit;

namespace Aro.Core.Tests.Perturbations;

/// <summary>
/// The retrieval experiment's caption perturbations: they work on the cleaned text and are not cleaned again, each is
/// a permutation of what it shuffles, and each depends only on the seed, the caption's index and its text.
/// </summary>
public sealed class CaptionPerturberTests
{
    private const string Cleaned = "a small red square sits to the left of a large blue circle on a plain background";

    [Fact]
    public void Shuffle_all_words_permutes_the_space_separated_words_and_nothing_else()
    {
        var shuffled = new CaptionPerturber(1).Perturb(Cleaned, CaptionPerturbation.ShuffleAllWords, 3);

        Assert.NotEqual(Cleaned, shuffled);
        Assert.Equal(Cleaned.Split(' ').Order(StringComparer.Ordinal), shuffled.Split(' ').Order(StringComparer.Ordinal));
    }

    [Fact]
    public void None_is_the_cleaned_caption_itself()
    {
        Assert.Equal(Cleaned, new CaptionPerturber(7).Perturb(Cleaned, CaptionPerturbation.None, 0));
    }

    [Fact]
    public void Each_perturbation_depends_on_seed_and_index_only()
    {
        foreach (var perturbation in CaptionPerturbations.All)
        {
            var first = new CaptionPerturber(5).Perturb(Cleaned, perturbation, 11);
            Assert.Equal(first, new CaptionPerturber(5).Perturb(Cleaned, perturbation, 11));
        }

        var seeds = Enumerable.Range(1, 6).Select(seed => new CaptionPerturber(seed).Perturb(Cleaned, CaptionPerturbation.ShuffleAllWords, 0)).ToHashSet();
        var indices = Enumerable.Range(0, 6).Select(index => new CaptionPerturber(1).Perturb(Cleaned, CaptionPerturbation.ShuffleAllWords, index)).ToHashSet();
        Assert.True(seeds.Count > 1 && indices.Count > 1, "different seeds and indices draw different shuffles");
    }

    [Theory]
    [InlineData(CaptionPerturbation.ShuffleNounsAndAdjectives, OrderPerturbation.ShuffleNounsAndAdjectives)]
    [InlineData(CaptionPerturbation.ShuffleAllButNounsAndAdjectives, OrderPerturbation.ShuffleAllButNounsAndAdjectives)]
    [InlineData(CaptionPerturbation.ShuffleWithinTrigrams, OrderPerturbation.ShuffleWithinTrigrams)]
    [InlineData(CaptionPerturbation.ShuffleTrigrams, OrderPerturbation.ShuffleTrigrams)]
    public void The_four_order_shuffles_are_the_order_subsets_own_on_the_cleaned_text(CaptionPerturbation perturbation, OrderPerturbation order)
    {
        var expected = new OrderCaseBuilder(3).Perturb(Cleaned, order, 9);

        var got = new CaptionPerturber(3).Perturb(Cleaned, perturbation, 9);

        Assert.Equal(expected, got);
        Assert.Equal(perturbation.AsOrder(), order);
        Assert.Equal(order.Name(), perturbation.Name());
    }

    [Fact]
    public void The_result_is_not_cleaned_again()
    {
        // Tokenised shuffles re-join tokens with spaces: the comma stays a token of its own, and nothing is lower-cased or cut.
        var cleaned = "a dog, a cat and a bird";

        var shuffled = new CaptionPerturber(1).Perturb(cleaned, CaptionPerturbation.ShuffleTrigrams, 0);

        Assert.Contains(",", shuffled, StringComparison.Ordinal);
        Assert.Equal(cleaned.Replace(" ", "", StringComparison.Ordinal).Order(), shuffled.Replace(" ", "", StringComparison.Ordinal).Order());
    }

    [Fact]
    public void Lists_parse_in_order_once_each_and_unknown_names_are_refused_with_a_suggestion()
    {
        Assert.Equal([CaptionPerturbation.ShuffleTrigrams, CaptionPerturbation.None],
            CaptionPerturbations.ParseList("shuffle_trigrams, none,shuffle_trigrams"));
        var error = Assert.Throws<AroInputException>(() => CaptionPerturbations.ParseList("none,shuffle_all_word"));
        Assert.Contains("'shuffle_all_word'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'shuffle_all_words'", error.Message, StringComparison.Ordinal);
        Assert.Throws<AroInputException>(() => CaptionPerturbations.ParseList(" , "));
        Assert.Equal(["none", "shuffle_all_words", "shuffle_nouns_and_adj", "shuffle_allbut_nouns_and_adj", "shuffle_within_trigrams", "shuffle_trigrams"],
            CaptionPerturbations.All.Select(p => p.Name()));
    }
}

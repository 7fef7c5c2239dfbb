using Aro.Core.Perturbations;
using Aro.Core.Tests.Support;
using Xunit;

namespace Aro.Core.Tests.Data.Order;

public sealed class OrderCaseBuilderTests
{
    private static readonly string[] Captions =
    [
        "A man riding a wave on top of a surfboard.",
        "Two small dogs playing with a red frisbee in the green grass.",
        "A woman in a blue t-shirt holding an umbrella.",
        "The kitchen has white cabinets and a stainless steel refrigerator.",
        "A man's bike is parked near a woman's car",
        "a black and white photo of an old train station",
        "A \"STOP\" sign on a pole. It is red!",
        "giraffes",
        "",
    ];

    [Fact]
    public void Option_zero_is_pre_caption_of_the_original()
    {
        var builder = new OrderCaseBuilder(1);
        Assert.Equal("a man riding a wave on top of a surfboard", builder.BuildOptions(Captions[0], 0)[0]);
        Assert.Equal("a stop sign on a pole it is red", builder.BuildOptions(Captions[6], 6)[0]);
        Assert.All(Captions.Select((caption, i) => builder.BuildOptions(caption, i)), options => Assert.Equal(5, options.Count));
        Assert.All(Captions.Select((caption, i) => (caption, i)), c => Assert.Equal(PreCaption.Apply(c.caption, 30), builder.BuildOptions(c.caption, c.i)[0]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_options()
    {
        var first = BuildAll(new OrderCaseBuilder(7));
        var second = BuildAll(new OrderCaseBuilder(7));
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_seed_gives_different_options()
    {
        var one = BuildAll(new OrderCaseBuilder(1));
        var two = BuildAll(new OrderCaseBuilder(2));
        var differing = one.Zip(two).Count(pair => pair.First != pair.Second);
        Assert.True(differing >= 4, $"only {differing} of {one.Count} cases differ between seeds 1 and 2");
    }

    [Fact]
    public void A_case_does_not_depend_on_the_cases_built_before_it()
    {
        var alone = new OrderCaseBuilder(3).BuildOptions(Captions[1], 1);
        var builder = new OrderCaseBuilder(3);
        foreach (var (caption, i) in Captions.Select((caption, i) => (caption, i)))
        {
            builder.BuildOptions(caption, i + 100);
        }

        Assert.Equal(alone, builder.BuildOptions(Captions[1], 1));
    }

    [Fact]
    public void The_case_index_picks_the_random_stream()
    {
        var builder = new OrderCaseBuilder(1);
        var variants = Enumerable.Range(0, 12).Select(i => string.Join('|', builder.BuildOptions(Captions[1], i))).ToHashSet();
        Assert.True(variants.Count > 6, $"only {variants.Count} distinct option sets over 12 case indices");
    }

    [Theory]
    [InlineData(OrderPerturbation.ShuffleWithinTrigrams)]
    [InlineData(OrderPerturbation.ShuffleTrigrams)]
    public void Trigram_perturbations_permute_the_nltk_tokens(OrderPerturbation perturbation)
    {
        // NLTK tokens of the caption: A man 's dog sleeps on the sofa . ; pre_caption drops the period.
        var builder = new OrderCaseBuilder(1);
        string[] expected = ["'s", "a", "dog", "man", "on", "sleeps", "sofa", "the"];
        for (var i = 0; i < 10; i++)
        {
            var option = builder.BuildOptions("A man's dog sleeps on the sofa.", i)[1 + (int)perturbation];
            Assert.Equal(expected, option.Split(' ').Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData(OrderPerturbation.ShuffleNounsAndAdjectives)]
    [InlineData(OrderPerturbation.ShuffleAllButNounsAndAdjectives)]
    public void Tagged_perturbations_permute_the_tagger_tokens(OrderPerturbation perturbation)
    {
        // spaCy-like tokens: A woman in a blue t - shirt holding an umbrella .
        var builder = new OrderCaseBuilder(1);
        string[] expected = ["-", "a", "a", "an", "blue", "holding", "in", "shirt", "t", "umbrella", "woman"];
        for (var i = 0; i < 10; i++)
        {
            var option = builder.BuildOptions("A woman in a blue t-shirt holding an umbrella.", i)[1 + (int)perturbation];
            Assert.Equal(expected, option.Split(' ').Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Noun_shuffle_moves_only_what_the_tagger_calls_nouns_and_adjectives()
    {
        var tagger = new WordListTagger(new Dictionary<string, string>
        {
            ["dog"] = "NN", ["cat"] = "NN", ["bird"] = "NNS", ["big"] = "JJ", ["small"] = "JJR",
        });
        var builder = new OrderCaseBuilder(1, tagger);
        for (var i = 0; i < 10; i++)
        {
            var words = builder.Perturb("the big dog saw the small cat near bird", OrderPerturbation.ShuffleNounsAndAdjectives, i).Split(' ');
            Assert.Equal(["the", "saw", "the", "near"], new[] { words[0], words[3], words[4], words[7] });
            Assert.Equal(["big", "small"], new[] { words[1], words[5] }.Order(StringComparer.Ordinal));
            Assert.Equal(["bird", "cat", "dog"], new[] { words[2], words[6], words[8] }.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Perturb_works_on_the_raw_caption()
    {
        var tagger = new WordListTagger(new Dictionary<string, string>());
        var perturbed = new OrderCaseBuilder(1, tagger).Perturb("A Dog.", OrderPerturbation.ShuffleTrigrams, 0);
        Assert.Equal("A Dog .", perturbed);
    }

    [Fact]
    public void Perturbation_names_are_aros_function_names_in_option_order()
    {
        Assert.Equal(
            ["shuffle_nouns_and_adj", "shuffle_allbut_nouns_and_adj", "shuffle_within_trigrams", "shuffle_trigrams"],
            OrderPerturbationNames.All.Select(p => p.Name()));
        Assert.Equal(OrderPerturbation.ShuffleTrigrams, OrderPerturbationNames.Parse("shuffle_trigrams"));
        Assert.Null(OrderPerturbationNames.Parse("shuffle_all_words"));
    }

    private static List<string> BuildAll(OrderCaseBuilder builder) =>
        [.. Captions.Select((caption, i) => string.Join('|', builder.BuildOptions(caption, i)))];
}

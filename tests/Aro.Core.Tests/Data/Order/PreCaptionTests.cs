using Aro.Core.Perturbations;
using Xunit;

namespace Aro.Core.Tests.Data.Order;

public sealed class PreCaptionTests
{
    // Expected values follow Python's semantics step by step: lower(), the ten characters . ! " ( ) * # : ; ~
    // to spaces, runs of 2+ whitespace to one space, rstrip('\n'), strip(' '), then the 30-word cut.
    [Theory]
    [InlineData("A man riding a wave on top of a surfboard.", "a man riding a wave on top of a surfboard")]
    [InlineData("it's a dog, isn't it?", "it's a dog, isn't it?")]
    [InlineData("dog!!!cat", "dog cat")]
    [InlineData(" (A) \"quoted\" *word*; #1: ~x~ ", "a quoted word 1 x")]
    [InlineData("Two  dogs\tplay.\n", "two dogs\tplay")]
    [InlineData("a\tb", "a\tb")]
    [InlineData("one two\n three", "one two three")]
    [InlineData("x.\n", "x")]
    [InlineData("x\r\n", "x")]
    [InlineData("end\n\n", "end")]
    [InlineData("\ndog", "\ndog")]
    [InlineData("a - b", "a - b")]
    [InlineData("...", "")]
    [InlineData("", "")]
    [InlineData("A MAN\u00A0 ON A BIKE", "a man on a bike")]
    [InlineData("a\u001C\u001Db", "a b")]
    [InlineData("a\u001Cb", "a\u001Cb")]
    // Python's full lower-case mapping (values from tests/fixtures/reference/python-text/strings.jsonl, where
    // PythonTextTests checks many more): İ becomes two code points, a word-final capital sigma becomes ς.
    [InlineData("A man in \u0130zmir.", "a man in i\u0307zmir")]
    [InlineData("\u0388\u039D\u0391\u03A3 \u03A3\u039A\u038E\u039B\u039F\u03A3 \u03A4\u03A1\u0388\u03A7\u0395\u0399.", "\u03AD\u03BD\u03B1\u03C2 \u03C3\u03BA\u03CD\u03BB\u03BF\u03C2 \u03C4\u03C1\u03AD\u03C7\u03B5\u03B9")]
    public void Cleans_like_python(string caption, string expected)
    {
        Assert.Equal(expected, PreCaption.Apply(caption, 30));
    }

    [Fact]
    public void Keeps_the_first_thirty_words()
    {
        var caption = string.Join(' ', Enumerable.Range(0, 40)) + ".";
        Assert.Equal("0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29", PreCaption.Apply(caption));
    }

    [Fact]
    public void Thirty_words_and_a_period_stay_whole()
    {
        var caption = string.Join(' ', Enumerable.Repeat("w", 30)) + ".";
        Assert.Equal(string.Join(' ', Enumerable.Repeat("w", 30)), PreCaption.Apply(caption, PreCaption.OrderMaxWords));
    }

    [Fact]
    public void Counts_words_after_collapsing_whitespace()
    {
        Assert.Equal("a b", PreCaption.Apply("A  .  B   C", 2));
    }

    [Fact]
    public void A_tab_does_not_separate_words_for_the_cut()
    {
        // Python splits on ' ' only, so "b\tc" is one word.
        Assert.Equal("a b\tc", PreCaption.Apply("a b\tc d", 2));
    }
}

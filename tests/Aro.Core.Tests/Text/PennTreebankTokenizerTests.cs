using Aro.Core.Text;
using Xunit;

namespace Aro.Core.Tests.Text;

public sealed class PennTreebankTokenizerTests
{
    // Outputs of nltk.word_tokenize (NLTK 3.8) on single sentences; tokens written space-separated.
    [Theory]
    [InlineData("A man riding a wave on top of a surfboard.", "A man riding a wave on top of a surfboard .")]
    [InlineData("A man's \"big\" dog can't eat $5 t-shirts, cannot.", "A man 's `` big '' dog ca n't eat $ 5 t-shirts , can not .")]
    [InlineData("The cat's toy isn't here, it's there!", "The cat 's toy is n't here , it 's there !")]
    [InlineData("They're gonna wanna go, aren't they?", "They 're gon na wan na go , are n't they ?")]
    [InlineData("A sign reads \"STOP\" in red (and white).", "A sign reads `` STOP '' in red ( and white ) .")]
    [InlineData("A plate with 1,000 fries and 3.5 burgers at 10:30 a.m.", "A plate with 1,000 fries and 3.5 burgers at 10:30 a.m .")]
    [InlineData("People standing around... waiting for the bus", "People standing around ... waiting for the bus")]
    [InlineData("A woman -- holding an umbrella -- walks; a man waits.", "A woman -- holding an umbrella -- walks ; a man waits .")]
    [InlineData("Rock 'n' roll band on stage", "Rock 'n ' roll band on stage")]
    [InlineData("The dogs' bowls are empty.", "The dogs ' bowls are empty .")]
    [InlineData("Gimme the ball, lemme see it, I gotta go", "Gim me the ball , lem me see it , I got ta go")]
    [InlineData("'Tis the season", "'T is the season")]
    [InlineData("\"Hello,\" she said.", "`` Hello , '' she said .")]
    [InlineData("He said \"no.\"", "He said `` no . ''")]
    [InlineData("I'd like ten o'clock", "I 'd like ten o'clock")]
    [InlineData("He WON'T go", "He WO N'T go")]
    [InlineData("A [red] {blue} <green> box", "A [ red ] { blue } < green > box")]
    [InlineData("The U.S. flag", "The U.S. flag")]
    [InlineData("A shirt that says \"I'm #1\" & 50% off @ store*", "A shirt that says `` I 'm # 1 '' & 50 % off @ store *")]
    [InlineData("Two dogs  playing in the snow .", "Two dogs playing in the snow .")]
    [InlineData("an orange cat sitting on a brown couch\n", "an orange cat sitting on a brown couch")]
    [InlineData("“Smart” quotes ‘here’", "“ Smart ” quotes ‘ here ’")]
    public void Tokenizes_a_sentence_like_nltk(string text, string expected)
    {
        Assert.Equal(expected.Split(' '), PennTreebankTokenizer.Nltk.Tokenize(text));
    }

    // With Punkt's sentence split first: a period is split off at the end of every sentence, not after an
    // abbreviation or an initial.
    [Theory]
    [InlineData("A dog runs. A cat sleeps.", "A dog runs . A cat sleeps .")]
    [InlineData("A bike. it is red", "A bike . it is red")]
    [InlineData("Is it a dog? No, a cat.", "Is it a dog ? No , a cat .")]
    [InlineData("Dr. Smith walks on St. Mark street", "Dr. Smith walks on St. Mark street")]
    [InlineData("A sign for J. Smith", "A sign for J. Smith")]
    [InlineData("It's 5 p.m. now", "It 's 5 p.m. now")]
    public void Splits_the_final_period_of_every_sentence(string text, string expected)
    {
        Assert.Equal(expected.Split(' '), PennTreebankTokenizer.Nltk.Tokenize(text));
    }

    [Theory]
    [InlineData("A woman in a blue t-shirt.", "A woman in a blue t - shirt .")]
    [InlineData("A \"big\" dog", "A \" big \" dog")]
    [InlineData("Ages 5-6 can't play", "Ages 5 - 6 ca n't play")]
    [InlineData("A man's dog -- asleep", "A man 's dog -- asleep")]
    public void The_spacy_like_variant_keeps_quotes_and_splits_hyphens(string text, string expected)
    {
        Assert.Equal(expected.Split(' '), PennTreebankTokenizer.SpacyLike.Tokenize(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    public void Blank_text_has_no_tokens(string text)
    {
        Assert.Empty(PennTreebankTokenizer.Nltk.Tokenize(text));
        Assert.Empty(PennTreebankTokenizer.SpacyLike.Tokenize(text));
    }
}

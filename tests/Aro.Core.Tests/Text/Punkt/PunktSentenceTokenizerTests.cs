using System.Text.Json;
using Aro.Core.Text;
using Aro.Core.Text.Punkt;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Text.Punkt;

/// <summary>
/// aro's Punkt against NLTK 3.8 itself: tests/fixtures/reference/punkt/english.jsonl holds what
/// <c>PunktSentenceTokenizer(params).tokenize</c> and <c>word_tokenize</c> returned for each text
/// (scripts/make_punkt_reference.py, with the model files aro ships).
/// </summary>
public sealed class PunktSentenceTokenizerTests
{
    private static readonly Lazy<IReadOnlyList<Reference>> References = new(ReadReferences);

    [Fact]
    public void The_reference_set_covers_every_group()
    {
        var groups = References.Value.GroupBy(r => r.Group).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(groups["hard"] >= 140, $"hard: {groups["hard"]}");
        Assert.True(groups["caption"] >= 400, $"caption: {groups["caption"]}");
        Assert.True(groups["news"] >= 200, $"news: {groups["news"]}");
        Assert.True(groups["soup"] >= 1000, $"soup: {groups["soup"]}");
    }

    [Fact]
    public void Splits_sentences_like_nltk_on_every_reference_text()
    {
        var failures = References.Value
            .Where(r => !PunktSentenceTokenizer.English.Tokenize(r.Text).SequenceEqual(r.Sentences))
            .Select(r => $"{JsonSerializer.Serialize(r.Text)}: expected {JsonSerializer.Serialize(r.Sentences)}, got {JsonSerializer.Serialize(PunktSentenceTokenizer.English.Tokenize(r.Text))}")
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {References.Value.Count} differ:\n" + string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void Word_tokenize_equals_nltk_on_every_reference_text()
    {
        var failures = References.Value
            .Where(r => !PennTreebankTokenizer.Nltk.Tokenize(r.Text).SequenceEqual(r.Tokens))
            .Select(r => $"{JsonSerializer.Serialize(r.Text)}: expected {JsonSerializer.Serialize(r.Tokens)}, got {JsonSerializer.Serialize(PennTreebankTokenizer.Nltk.Tokenize(r.Text))}")
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {References.Value.Count} differ:\n" + string.Join('\n', failures.Take(20)));
    }

    // The cases of the rule-based splitter Punkt replaced, decided as NLTK decides them (values from the fixture).
    [Theory]
    [InlineData("A view of Mt. Fuji from the lake.", "A view of Mt.|Fuji from the lake.")]
    [InlineData("Cups, plates, forks etc. are on the table.", "Cups, plates, forks etc.|are on the table.")]
    [InlineData("The No. 5 bus at the stop.", "The No.|5 bus at the stop.")]
    [InlineData("Made by Acme Inc. Phone number on the side.", "Made by Acme Inc.|Phone number on the side.")]
    [InlineData("Dr. Smith walks on St. Mark street.", "Dr. Smith walks on St. Mark street.")]
    [InlineData("Very bad acting!!! I promise.", "Very bad acting!!!|I promise.")]
    [InlineData("", "")]
    public void Decides_the_known_hard_cases(string text, string expected)
    {
        var sentences = PunktSentenceTokenizer.English.Tokenize(text);
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), sentences);
        Assert.Contains(References.Value, r => r.Text == text && r.Sentences.SequenceEqual(sentences));
    }

    [Fact]
    public void Spans_point_at_the_sentences()
    {
        const string text = "  One here.  Two (there.) Three ";
        var spans = PunktSentenceTokenizer.English.SpanTokenize(text);
        Assert.Equal(PunktSentenceTokenizer.English.Tokenize(text), spans.Select(s => text.Substring(s.Start, s.Length)));
        // NLTK 3.8's span_tokenize: [(0, 11), (13, 25), (26, 31)] (leading whitespace stays in the first sentence).
        Assert.Equal([(0, 11), (13, 12), (26, 5)], spans);
    }

    [Fact]
    public void The_english_model_has_nltks_table_sizes()
    {
        // Line counts of the four files (README of Text/Punkt): 156 abbreviations, 37 collocations, 39 starters,
        // 20,366 orthographic contexts.
        var model = PunktParameters.English;
        Assert.Equal(156, model.AbbreviationTypes.Count);
        Assert.Equal(37, model.Collocations.Count);
        Assert.Equal(39, model.SentenceStarters.Count);
        Assert.Equal(20_366, model.OrthographicContext.Count);
        Assert.Contains(". . ", model.AbbreviationTypes);
        Assert.Equal(126, model.OrthographicContextOf("a"));
        Assert.Equal(0, model.OrthographicContextOf("zyxwv"));
    }

    private static List<Reference> ReadReferences()
    {
        var path = RepoPaths.InRepo("tests", "fixtures", "reference", "punkt", "english.jsonl");
        return [.. File.ReadLines(path).Select(line => JsonSerializer.Deserialize<Reference>(line, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!)];
    }

    private sealed record Reference(string Group, string Text, string[] Sentences, string[] Tokens);
}

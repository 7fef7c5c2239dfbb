using System.Globalization;
using Aro.TestSupport;
using Aro.Core.Text;
using CsvHelper;
using Xunit;

namespace Aro.Core.Tests.Text;

public sealed class ClipBpeTokenizerTests
{
    private static ClipBpeTokenizer LoadReal() => ClipBpeTokenizer.Load(
        SharedData.Require("clip-bpe", "vocab.json"), SharedData.Require("clip-bpe", "merges.txt"));

    [SkippableFact]
    public void Ids_equal_the_reference_for_every_fixture_caption()
    {
        var tokenizer = LoadReal();
        using var reader = new StreamReader(SharedData.Fixtures("aro-synth", "expected", "tokens.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var checkedCount = 0;
        var mismatches = new List<string>();
        foreach (var row in csv.GetRecords<TokenRow>())
        {
            var expected = row.Ids.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var actual = tokenizer.Encode(row.Caption);
            var padded = actual.Concat(Enumerable.Repeat(0, 77 - actual.Length)).ToArray();
            if (!padded.SequenceEqual(expected))
            {
                mismatches.Add(row.Caption);
            }

            checkedCount++;
        }

        Assert.True(checkedCount > 800, $"only {checkedCount} captions in tokens.csv");
        Assert.Empty(mismatches);
    }

    [SkippableTheory]
    [InlineData("a photo of a fox", new[] { 49406, 320, 1125, 539, 320, 3240, 49407 })]
    [InlineData("a photo of a really, functistaner big cat.", new[] { 49406, 320, 1125, 539, 320, 1414, 267, 8679, 555, 2203, 528, 1205, 2368, 269, 49407 })]
    [InlineData("  A   PHOTO\tof a fox  ", new[] { 49406, 320, 1125, 539, 320, 3240, 49407 })]
    public void Ids_equal_published_hugging_face_ids(string caption, int[] expected)
    {
        Assert.Equal(expected, LoadReal().Encode(caption));
    }

    [SkippableFact]
    public void Truncation_keeps_the_end_token_last()
    {
        var tokenizer = LoadReal();
        var ids = tokenizer.Encode(string.Join(' ', Enumerable.Repeat("dog", 200)));
        Assert.Equal(77, ids.Length);
        Assert.Equal(tokenizer.StartId, ids[0]);
        Assert.Equal(tokenizer.EndId, ids[^1]);
        Assert.All(ids[1..^1], id => Assert.NotEqual(tokenizer.EndId, id));
    }

    private sealed class TokenRow
    {
        [CsvHelper.Configuration.Attributes.Name("caption")]
        public string Caption { get; set; } = "";

        [CsvHelper.Configuration.Attributes.Name("ids")]
        public string Ids { get; set; } = "";
    }
}

using System.Globalization;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Text;

/// <summary>
/// The BERT WordPiece tokenizer against tiny-blip's reference ids (scripts/make_test_models.py re-implements
/// bert-base-uncased's basic tokenizer + WordPiece), and against ids read by hand from the real bert-base-uncased
/// vocabulary (line number - 1 = id) for the cases the library gets wrong by default.
/// </summary>
public sealed class BertWordPieceTokenizerTests
{
    private static BertWordPieceTokenizer TinyBlip() =>
        BertWordPieceTokenizer.Load(RepoPaths.InRepo("tests", "fixtures", "tiny-blip", "vocab.txt"), 35, 0, encTokenId: 298);

    [Fact]
    public void Ids_equal_the_reference_for_every_tiny_blip_caption()
    {
        var tokenizer = TinyBlip();
        var rows = CsvTable.Read(RepoPaths.InRepo("tests", "fixtures", "reference", "tiny-blip", "tokens.csv")).Rows;
        Assert.True(rows.Count > 100);
        var mismatches = rows
            .Where(r => !tokenizer.Encode(r["caption"]).SequenceEqual(Ids(r["ids"])))
            .Select(r => $"{r["caption"]}: got {string.Join(' ', tokenizer.Encode(r["caption"]))}, want {r["ids"]}")
            .ToList();
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Reference_covers_the_library_gaps()
    {
        // The comparison above only proves something if the reference holds the captions the library mishandles.
        var captions = CsvTable.Read(RepoPaths.InRepo("tests", "fixtures", "reference", "tiny-blip", "tokens.csv")).Rows
            .Select(r => r["caption"]).ToList();
        Assert.Contains(captions, c => c.Contains('\t', StringComparison.Ordinal));
        Assert.Contains(captions, c => c.Contains('$', StringComparison.Ordinal));
        Assert.Contains(captions, c => c.Contains('\u0301', StringComparison.Ordinal));
        Assert.Contains(captions, c => TinyBlip().Encode(c).Length == 35);
    }

    [Fact]
    public void Exposes_the_special_ids_of_the_package()
    {
        var tokenizer = TinyBlip();
        Assert.Equal((2, 3, 1, 298, 35, 0), (tokenizer.ClassificationId, tokenizer.SeparatorId, tokenizer.UnknownId, tokenizer.EncTokenId, tokenizer.ContextLength, tokenizer.PadId));
    }

    [Fact]
    public void A_missing_vocabulary_entry_is_an_input_error_naming_the_file()
    {
        using var temp = new TempDirectory();
        var vocab = temp.File("vocab.txt");
        File.WriteAllLines(vocab, ["[PAD]", "[UNK]", "[CLS]", "a"]);
        var error = Assert.Throws<AroInputException>(() => BertWordPieceTokenizer.Load(vocab));
        Assert.Contains(vocab, error.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("a photo of a dog", "101 1037 6302 1997 1037 3899 102")]
    [InlineData("A red square, left of the cat!", "101 1037 2417 2675 1010 2187 1997 1996 4937 999 102")]
    [InlineData("Café\tnaïve", "101 7668 15743 102")]
    [InlineData("Cafe\u0301\nnai\u0308ve", "101 7668 15743 102")]
    [InlineData("$5 + <=> ^~", "101 1002 1019 1009 1026 1027 1028 1034 1066 102")]
    [InlineData("zebras horseback", "101 29145 2015 19926 102")]
    [InlineData("a 😀 dog — the cat", "101 1037 100 3899 1517 1996 4937 102")]
    [InlineData("a\u200Bdog", "101 4748 8649 102")] // BERT deletes format characters, gluing the words
    public void Ids_equal_bert_base_uncased(string caption, string expected)
    {
        var tokenizer = BertWordPieceTokenizer.Load(SharedData.Require("bert-base-uncased", "vocab.txt"), encTokenId: 30523);

        Assert.Equal(Ids(expected), tokenizer.Encode(caption));
    }

    [SkippableFact]
    public void Long_captions_keep_sep_last_within_35_ids()
    {
        var tokenizer = BertWordPieceTokenizer.Load(SharedData.Require("bert-base-uncased", "vocab.txt"));

        var ids = tokenizer.Encode(string.Join(' ', Enumerable.Repeat("a dog", 40)));

        int[] body = [.. Enumerable.Range(0, 33).Select(i => i % 2 == 0 ? 1037 : 3899)];
        Assert.Equal([101, .. body, 102], ids);
    }

    private static int[] Ids(string text) => [.. text.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}

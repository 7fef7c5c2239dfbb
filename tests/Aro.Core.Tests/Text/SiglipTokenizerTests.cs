using System.Globalization;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Text;

/// <summary>
/// SigLIP's tokenizer on tests/fixtures/tiny-siglip against the 64 ids scripts/make_tiny_siglip.py computed with
/// the sentencepiece package, re-implementing transformers' Python SiglipTokenizer step by step.
/// </summary>
public sealed class SiglipTokenizerTests
{
    private static readonly string Package = RepoPaths.InRepo("tests", "fixtures", "tiny-siglip");

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> References() =>
        CsvTable.Read(RepoPaths.InRepo("tests", "fixtures", "reference", "tiny-siglip", "tokens.csv")).Rows;

    public static TheoryData<string> Sources() => new() { SiglipTokenizer.SentencePieceFileName, SiglipTokenizer.TokenizerJsonFileName };

    /// <summary>
    /// The one fixture caption whose segmentation is an exact tie: "4444" splits into the same pieces "4" and "44"
    /// in either order. sentencepiece compares a double candidate score with the float best, the library float with
    /// float, so they keep different orders (see the remarks on <see cref="SiglipTokenizer"/>).
    /// </summary>
    private const string KnownTie = "numbers 1 22 333 4444 and 3.14, 1/2, 50%";

    [Theory]
    [MemberData(nameof(Sources))]
    public void Padded_ids_equal_the_reference_for_every_caption_but_one_exact_tie(string source)
    {
        var settings = SiglipTokenizerSettings.FromPackage(Package);
        var tokenizer = source == SiglipTokenizer.SentencePieceFileName
            ? SiglipTokenizer.FromSentencePieceModel(Path.Combine(Package, source), settings)
            : SiglipTokenizer.FromTokenizerJson(Path.Combine(Package, source), settings);
        var rows = References();
        Assert.True(rows.Count > 200, $"only {rows.Count} captions");

        var mismatches = rows.Where(r => !tokenizer.EncodePadded(r["caption"]).SequenceEqual(Ids(r["ids"]))).ToList();

        Assert.Equal([KnownTie], mismatches.Select(r => r["caption"]));
        var tie = mismatches[0];
        Assert.Equal(Ids(tie["ids"]).Order(), tokenizer.EncodePadded(tie["caption"]).Order());
    }

    [Fact]
    public void Special_ids_come_from_the_tokenizer_files_not_config_json()
    {
        // config.json says eos 49407 (transformers' leftover CLIP default), as the real google/siglip-* files do.
        Assert.Contains("\"eos_token_id\": 49407", File.ReadAllText(Path.Combine(Package, "config.json")), StringComparison.Ordinal);

        var tokenizer = SiglipTokenizer.LoadPackage(Package);

        Assert.Equal((64, 1, 1, 2, true), (tokenizer.ContextLength, tokenizer.PadId, tokenizer.EndId, tokenizer.UnknownId, tokenizer.Lowercase));
        Assert.EndsWith(SiglipTokenizer.SentencePieceFileName, tokenizer.Source, StringComparison.Ordinal);
        Assert.True(tokenizer.RequiresFullContext);
    }

    [Fact]
    public void Reference_covers_each_step_of_the_pipeline()
    {
        // The comparisons above only prove something if the reference holds captions that exercise every step.
        var tokenizer = SiglipTokenizer.LoadPackage(Package);
        var captions = References().Select(r => r["caption"]).ToList();
        Assert.Contains("", captions);
        Assert.Contains(captions, c => c.Any(char.IsUpper));
        Assert.Contains(captions, c => c.Contains('\u2581', StringComparison.Ordinal));
        Assert.Contains(captions, c => c.Contains('\t', StringComparison.Ordinal));
        Assert.Contains(captions, c => c.Contains('\u00A0', StringComparison.Ordinal)); // Python whitespace beyond ASCII
        Assert.Contains(captions, c => c.Contains('\uFF32', StringComparison.Ordinal)); // full-width: the character map
        Assert.Contains(captions, c => c.Contains("\U0001F600\U0001F600", StringComparison.Ordinal)); // a run of unknowns
        Assert.Contains(captions, c => c.Contains('\u0130', StringComparison.Ordinal)); // Python's longer lower case
        Assert.Contains(captions, c => tokenizer.Encode(c).Length == 64);
    }

    [Fact]
    public void A_run_of_unknown_characters_is_one_unknown_id_and_punctuation_vanishes()
    {
        var tokenizer = SiglipTokenizer.LoadPackage(Package);

        var twice = tokenizer.Encode("a \U0001F600\U0001F600 b");
        var once = tokenizer.Encode("a \U0001F600 b");

        Assert.Equal(once, twice);
        Assert.Equal(1, once.Count(id => id == tokenizer.UnknownId));
        Assert.Equal(tokenizer.Encode("a red square"), tokenizer.Encode("A, RED... square!"));
        Assert.Equal([tokenizer.EndId], tokenizer.Encode("?!"));
    }

    [Fact]
    public void Truncation_keeps_the_end_token_last()
    {
        var tokenizer = SiglipTokenizer.LoadPackage(Package);

        var ids = tokenizer.Encode(string.Join(' ', Enumerable.Repeat("red square", 100)));

        Assert.Equal(64, ids.Length);
        Assert.Equal(tokenizer.EndId, ids[^1]);
        Assert.DoesNotContain(tokenizer.EndId, ids[..^1]);
    }

    [Fact]
    public void A_package_with_only_tokenizer_json_gives_the_same_ids()
    {
        using var temp = new TempDirectory();
        foreach (var name in new[] { "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json" })
        {
            File.Copy(Path.Combine(Package, name), temp.File(name));
        }

        var fromJson = SiglipTokenizer.LoadPackage(temp.Path);
        var fromModel = SiglipTokenizer.LoadPackage(Package);

        Assert.EndsWith(SiglipTokenizer.TokenizerJsonFileName, fromJson.Source, StringComparison.Ordinal);
        Assert.Equal((fromModel.PadId, fromModel.EndId, fromModel.UnknownId), (fromJson.PadId, fromJson.EndId, fromJson.UnknownId));
        foreach (var row in References())
        {
            Assert.Equal(fromModel.EncodePadded(row["caption"]), fromJson.EncodePadded(row["caption"]));
        }
    }

    [Fact]
    public void Settings_follow_tokenizer_config_and_default_to_siglip()
    {
        using var temp = new TempDirectory();
        Assert.Equal(SiglipTokenizerSettings.Default, SiglipTokenizerSettings.FromPackage(temp.Path));

        temp.Write("tokenizer_config.json", """{"model_max_length": 16, "pad_token": {"content": "<pad>", "special": true}, "do_lower_case": false}""");
        File.Copy(Path.Combine(Package, "spiece.model"), temp.File("spiece.model"));
        var tokenizer = SiglipTokenizer.LoadPackage(temp.Path);

        Assert.Equal((16, 0, false), (tokenizer.ContextLength, tokenizer.PadId, tokenizer.Lowercase));
        Assert.Equal(16, tokenizer.EncodePadded("a red square").Length);
        Assert.Equal(0, tokenizer.EncodePadded("a red square")[^1]);
        Assert.NotEqual(tokenizer.Encode("a red square"), tokenizer.Encode("A RED SQUARE"));
    }

    [Fact]
    public void A_folder_without_a_vocabulary_is_an_input_error_naming_both_files()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<AroInputException>(() => SiglipTokenizer.LoadPackage(temp.Path));

        Assert.Contains("spiece.model", error.Message, StringComparison.Ordinal);
        Assert.Contains("tokenizer.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pad_token_outside_the_vocabulary_is_an_input_error_naming_the_field()
    {
        var error = Assert.Throws<AroInputException>(() => SiglipTokenizer.FromSentencePieceModel(
            Path.Combine(Package, "spiece.model"), SiglipTokenizerSettings.Default with { PadToken = "[PAD]" }));

        Assert.Contains("pad_token '[PAD]'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_sentencepiece_model_is_an_input_error()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("spiece.model", "this is not a protobuf");

        var error = Assert.Throws<AroInputException>(() => SiglipTokenizer.FromSentencePieceModel(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static int[] Ids(string text) => [.. text.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}

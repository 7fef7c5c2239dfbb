using System.Globalization;
using System.Text.Json.Nodes;
using Aro.Core.Tests.Support;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Text;

/// <summary>
/// tokenizer.json read for CLIP BPE and BERT WordPiece: the ids must equal the vocab.json/merges.txt and vocab.txt
/// paths, whose references are scripts/make_test_models.py's ids (demo vocabularies) and the shared fixtures'
/// ids (the real CLIP vocabulary), on every caption they hold. The committed demo tokenizer.json files come from
/// scripts/make_tiny_siglip.py; the real vocabularies' are written here (the shared data may not be committed).
/// </summary>
public sealed class TokenizerJsonTests
{
    private static string Fixture(params string[] parts) => RepoPaths.InRepo(["tests", "fixtures", .. parts]);

    [Fact]
    public void Demo_clip_tokenizer_json_gives_the_reference_ids_for_every_demo_caption()
    {
        var tokenizer = ClipBpeTokenizer.FromTokenizerJson(Fixture("tokenizer-json", "demo-clip", "tokenizer.json"));
        var rows = CsvTable.Read(Fixture("reference", "demo", "tokens.csv")).Rows;
        Assert.True(rows.Count > 100);

        var mismatches = rows.Where(r => !tokenizer.Encode(r["caption"]).SequenceEqual(Ids(r["ids"]))).Select(r => r["caption"]).ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Tiny_blip_tokenizer_json_gives_the_reference_ids_and_the_enc_token()
    {
        var tokenizer = BertWordPieceTokenizer.FromTokenizerJson(Fixture("tokenizer-json", "tiny-blip", "tokenizer.json"));
        var rows = CsvTable.Read(Fixture("reference", "tiny-blip", "tokens.csv")).Rows;
        Assert.True(rows.Count > 100);

        var mismatches = rows.Where(r => !tokenizer.Encode(r["caption"]).SequenceEqual(Ids(r["ids"]))).Select(r => r["caption"]).ToList();

        Assert.Empty(mismatches);
        Assert.Equal((2, 3, 1, 298), (tokenizer.ClassificationId, tokenizer.SeparatorId, tokenizer.UnknownId, tokenizer.EncTokenId));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Real_clip_vocabulary_as_tokenizer_json_gives_the_vocab_json_ids_on_every_fixture_caption(bool mergesAsPairs)
    {
        var vocab = SharedData.Require("clip-bpe", "vocab.json");
        var merges = SharedData.Require("clip-bpe", "merges.txt");
        using var temp = new TempDirectory();
        var json = temp.Write("tokenizer.json", HfTokenizerJsonWriter.Clip(vocab, merges, mergesAsPairs));
        var fromJson = ClipBpeTokenizer.FromTokenizerJson(json);
        var fromFiles = ClipBpeTokenizer.Load(vocab, merges);

        var synth = CsvTable.Read(SharedData.Fixtures("aro-synth", "expected", "tokens.csv")).Rows;
        Assert.True(synth.Count > 800);
        var mismatches = synth
            .Where(r => !Pad(fromJson.Encode(r["caption"]), 77).SequenceEqual(Ids(r["ids"])))
            .Select(r => r["caption"])
            .ToList();
        var captions = synth.Select(r => r["caption"]).Concat(DemoCaptions()).ToList();
        var differences = captions.Where(c => !fromJson.Encode(c).SequenceEqual(fromFiles.Encode(c))).ToList();

        Assert.Empty(mismatches);
        Assert.Empty(differences);
        Assert.Equal([49406, 320, 1125, 539, 320, 3240, 49407], fromJson.Encode("a photo of a fox"));
    }

    [SkippableFact]
    public void Real_bert_vocabulary_as_tokenizer_json_gives_the_vocab_txt_ids_on_every_fixture_caption()
    {
        var vocab = SharedData.Require("bert-base-uncased", "vocab.txt");
        using var temp = new TempDirectory();
        var json = temp.Write("tokenizer.json", HfTokenizerJsonWriter.Bert(vocab));
        var fromJson = BertWordPieceTokenizer.FromTokenizerJson(json);
        var fromFile = BertWordPieceTokenizer.Load(vocab);

        // The captions BertWordPieceTokenizerTests checks by hand against bert-base-uncased, then every fixture caption.
        string[] handChecked = ["a photo of a dog", "A red square, left of the cat!", "Café\tnaïve", "Cafe\u0301\nnai\u0308ve", "$5 + <=> ^~",
            "zebras horseback", "a 😀 dog — the cat", "a\u200Bdog"];
        var captions = handChecked
            .Concat(CsvTable.Read(SharedData.Fixtures("aro-synth", "expected", "tokens.csv")).Rows.Select(r => r["caption"]))
            .Concat(DemoCaptions())
            .ToList();
        Assert.True(captions.Count > 900);

        var differences = captions.Where(c => !fromJson.Encode(c).SequenceEqual(fromFile.Encode(c))).ToList();

        Assert.Empty(differences);
        Assert.Equal([101, 1037, 2417, 2675, 1010, 2187, 1997, 1996, 4937, 999, 102], fromJson.Encode("A red square, left of the cat!"));
    }

    [Fact]
    public void A_spec_naming_tokenizer_json_builds_the_same_tokenizers()
    {
        var clip = CaptionTokenizers.Create(new TokenizerSpec(TokenizerKind.ClipBpe, Fixture("tokenizer-json", "demo-clip", "tokenizer.json"), null, 77, 0, null, true));
        var bert = CaptionTokenizers.Create(new TokenizerSpec(TokenizerKind.BertWordPiece, Fixture("tokenizer-json", "tiny-blip", "tokenizer.json"), null, 35, 0, 298, true));

        foreach (var (tokenizer, reference) in new[] { (clip, "demo"), (bert, "tiny-blip") })
        {
            var rows = CsvTable.Read(Fixture("reference", reference, "tokens.csv")).Rows;
            Assert.All(rows, r => Assert.Equal(Ids(r["ids"]), tokenizer.Encode(r["caption"])));
        }

        Assert.Equal(298, ((BertWordPieceTokenizer)bert).EncTokenId);
    }

    [Fact]
    public void A_spec_whose_casing_contradicts_the_tokenizer_json_is_refused()
    {
        var path = Fixture("tokenizer-json", "tiny-blip", "tokenizer.json");

        var error = Assert.Throws<AroInputException>(() => CaptionTokenizers.Create(new TokenizerSpec(TokenizerKind.BertWordPiece, path, null, 35, 0, null, false)));

        Assert.Contains($"{path}: normalizer.lowercase is true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_model_type_and_the_added_tokens()
    {
        var clip = TokenizerJsonFile.Load(Fixture("tokenizer-json", "demo-clip", "tokenizer.json"));
        var bert = TokenizerJsonFile.Load(Fixture("tokenizer-json", "tiny-blip", "tokenizer.json"));
        var siglip = TokenizerJsonFile.Load(Fixture("tiny-siglip", "tokenizer.json"));

        Assert.Equal(("BPE", true, false, false), (clip.ModelTypeName, clip.Bpe is not null, clip.WordPiece is not null, clip.Unigram is not null));
        Assert.Equal(("WordPiece", 297), (bert.ModelTypeName, bert.AddedTokenId("[DEC]")));
        Assert.Equal(("Unigram", 2, 1), (siglip.ModelTypeName, siglip.Unigram!.UnknownId, siglip.Unigram.IdOf("</s>")));
        Assert.Equal("</s>", siglip.Unigram.EndToken);
        Assert.NotNull(siglip.Unigram.PrecompiledCharsmap);
    }

    [Fact]
    public void A_tokenizer_kind_read_for_another_family_is_refused_naming_the_model_type()
    {
        var bert = Fixture("tokenizer-json", "tiny-blip", "tokenizer.json");
        var clip = Fixture("tokenizer-json", "demo-clip", "tokenizer.json");

        var asClip = Assert.Throws<AroInputException>(() => ClipBpeTokenizer.FromTokenizerJson(bert));
        var asBert = Assert.Throws<AroInputException>(() => BertWordPieceTokenizer.FromTokenizerJson(clip));
        var asSiglip = Assert.Throws<AroInputException>(() => SiglipTokenizer.FromTokenizerJson(clip));

        Assert.Contains($"{bert}: model.type is 'WordPiece'", asClip.Message, StringComparison.Ordinal);
        Assert.Contains($"{clip}: model.type is 'BPE'", asBert.Message, StringComparison.Ordinal);
        Assert.Contains($"{clip}: model.type is 'BPE'", asSiglip.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        // file, JSON edit (path=value, value as JSON), the field the message must name
        { "demo-clip", "model.type=\"WordLevel\"", "model.type is 'WordLevel'" },
        { "demo-clip", "model.end_of_word_suffix=null", "model.end_of_word_suffix" },
        { "demo-clip", "model.continuing_subword_prefix=\"##\"", "model.continuing_subword_prefix" },
        { "demo-clip", "model.dropout=0.1", "model.dropout" },
        { "demo-clip", "normalizer.normalizers[2]={\"type\":\"NFD\"}", "normalizer.normalizers[2].type is 'NFD'" },
        { "demo-clip", "normalizer={\"type\":\"NFC\"}", "normalizer does not lower-case" },
        { "demo-clip", "pre_tokenizer={\"type\":\"ByteLevel\",\"add_prefix_space\":false}", "pre_tokenizer must be CLIP's Split pattern" },
        { "demo-clip", "pre_tokenizer.pretokenizers[0].pattern={\"Regex\":\"\\\\w+\"}", "pre_tokenizer.pretokenizers[0].pattern is '\\w+'" },
        { "demo-clip", "pre_tokenizer.pretokenizers[1].add_prefix_space=true", "pre_tokenizer.pretokenizers[1].add_prefix_space" },
        { "demo-clip", "post_processor={\"type\":\"BertProcessing\"}", "post_processor.type is 'BertProcessing'" },
        { "tiny-blip", "normalizer.strip_accents=false", "normalizer.strip_accents is false with lowercase true" },
        { "tiny-blip", "normalizer.clean_text=false", "normalizer.clean_text" },
        { "tiny-blip", "normalizer={\"type\":\"Lowercase\"}", "normalizer.type is 'Lowercase'" },
        { "tiny-blip", "pre_tokenizer={\"type\":\"Whitespace\"}", "pre_tokenizer.type is 'Whitespace'" },
        { "tiny-blip", "model.vocab.[SEP]=5000", "model.vocab has no token with id 3" },
        { "tiny-siglip", "model.byte_fallback=true", "model.byte_fallback" },
        { "tiny-siglip", "model.unk_id=9999", "model.unk_id is 9999" },
        { "tiny-siglip", "normalizer.normalizers[0]={\"type\":\"NFKD\"}", "normalizer.normalizers[0].type is 'NFKD'" },
        { "tiny-siglip", "normalizer.normalizers[1].pattern={\"Regex\":\"[a-z]\"}", "normalizer.normalizers[1] replaces the pattern '[a-z]'" },
        { "tiny-siglip", "pre_tokenizer.prepend_scheme=\"never\"", "pre_tokenizer.prepend_scheme" },
        { "tiny-siglip", "pre_tokenizer={\"type\":\"Whitespace\"}", "pre_tokenizer must be a Metaspace pre-tokenizer" },
        { "tiny-siglip", "post_processor.single=\"<s> $A </s>\"", "post_processor.single is \"<s> $A </s>\"" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void An_unsupported_tokenizer_json_is_refused_naming_the_file_and_the_field(string fixture, string edit, string expected)
    {
        var source = fixture == "tiny-siglip" ? Fixture("tiny-siglip", "tokenizer.json") : Fixture("tokenizer-json", fixture, "tokenizer.json");
        using var temp = new TempDirectory();
        var path = temp.Write("tokenizer.json", Edit(File.ReadAllText(source), edit));

        var error = Assert.Throws<AroInputException>(() => TokenizerJsonFile.Load(path));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_refused_with_the_file_and_the_line()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("tokenizer.json", "{\n \"model\": {\n");

        var error = Assert.Throws<AroInputException>(() => TokenizerJsonFile.Load(path));

        Assert.Contains($"{path}: malformed JSON (line", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Sets one JSON value: "a.b[2].c=VALUE" with VALUE as JSON.</summary>
    private static string Edit(string json, string edit)
    {
        var root = JsonNode.Parse(json)!;
        var split = edit.IndexOf('=', StringComparison.Ordinal);
        var path = edit[..split];
        var value = JsonNode.Parse(edit[(split + 1)..]);
        var steps = path.Split('.');
        var node = root;
        for (var i = 0; i < steps.Length; i++)
        {
            var (name, index) = Step(steps[i]);
            var last = i == steps.Length - 1;
            if (index is { } k)
            {
                node = node[name]!;
                if (last)
                {
                    node[k] = value;
                }
                else
                {
                    node = node[k]!;
                }
            }
            else if (last)
            {
                node[name] = value;
            }
            else
            {
                node = node[name]!;
            }
        }

        return root.ToJsonString();
    }

    private static (string Name, int? Index) Step(string step)
    {
        var open = step.IndexOf('[', StringComparison.Ordinal);
        return open <= 0 || !step.EndsWith(']') ? (step, null) : (step[..open], int.Parse(step[(open + 1)..^1], CultureInfo.InvariantCulture));
    }

    private static IEnumerable<string> DemoCaptions() =>
        CsvTable.Read(Fixture("reference", "demo", "tokens.csv")).Rows.Select(r => r["caption"]);

    private static int[] Pad(int[] ids, int length) => [.. ids, .. Enumerable.Repeat(0, length - ids.Length)];

    private static int[] Ids(string text) => [.. text.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}

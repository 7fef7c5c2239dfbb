using System.Globalization;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Tests.Support;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>
/// Package folders whose only tokenizer file is a Hugging Face tokenizer.json load for each family (BPE: CLIP,
/// WordPiece: BLIP, Unigram: SigLIP), are recognised from it, and tokenise every fixture caption as the
/// vocab.json/merges.txt, vocab.txt and spiece.model packages do (the references of scripts/make_test_models.py and
/// scripts/make_tiny_siglip.py); whole runs give the same results.
/// </summary>
public sealed class TokenizerJsonPackageTests
{
    private static string Fixture(params string[] parts) => RepoPaths.InRepo(["tests", "fixtures", .. parts]);

    private static int[] Ids(string text) => [.. text.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    private static string Copy(string from, string to, params string[] files)
    {
        foreach (var file in files)
        {
            TinyPackage.Copy(Path.Combine(from, file), Path.Combine(to, file));
        }

        return to;
    }

    [Fact]
    public async Task A_clip_package_with_only_tokenizer_json_loads_and_gives_the_vocab_json_ids_and_results()
    {
        using var temp = new TempDirectory();
        var demo = RepoPaths.InRepo("models", "demo");
        var dir = Copy(demo, temp.File("pkg"), "vision_model.onnx", "text_model.onnx");
        TinyPackage.Copy(Fixture("tokenizer-json", "demo-clip", "tokenizer.json"), Path.Combine(dir, "tokenizer.json"));

        var package = ModelPackageLoader.Load(dir);

        Assert.Equal("clip", package.Family.Name);
        Assert.Contains("family clip inferred from the files: tokenizer.json with a BPE model", package.Notes);
        Assert.Equal(Path.Combine(dir, "tokenizer.json"), package.Tokenizer.VocabularyPath);
        Assert.Null(package.Tokenizer.MergesPath);
        Assert.Contains(package.Files, f => f.EndsWith("tokenizer.json", StringComparison.Ordinal));
        using (var model = LoadedModel.Load(package, RuntimeOptions.Default))
        {
            var rows = CsvTable.Read(Fixture("reference", "demo", "tokens.csv")).Rows.Concat(CsvTable.Read(Fixture("reference", "demo", "benchmark-tokens.csv")).Rows).ToList();
            Assert.True(rows.Count > 150);
            Assert.Empty(rows.Where(r => !model.Tokenizer.Encode(r["caption"]).SequenceEqual(Ids(r["ids"]))).Select(r => r["caption"]));
        }

        // The demo's own manifest sets the CLIP transform the graphs were made for; this package relies on the default.
        var cases = RepoPaths.InRepo("data", "demo", "cases.jsonl");
        await EvalJob.RunAsync(new EvalRequest(dir, cases, null, temp.File("a"), new EvaluationSettings(), RuntimeOptions.Default, NoCache: true), new NullEvalObserver());
        await EvalJob.RunAsync(new EvalRequest(demo, cases, null, temp.File("b"), new EvaluationSettings(), RuntimeOptions.Default, NoCache: true), new NullEvalObserver());
        Assert.Equal(File.ReadAllText(temp.File("b", "coco-order.predictions.csv")), File.ReadAllText(temp.File("a", "coco-order.predictions.csv")));
    }

    [Fact]
    public async Task A_blip_package_with_only_tokenizer_json_loads_with_its_enc_token_and_gives_the_vocab_txt_results()
    {
        using var temp = new TempDirectory();
        var blip = Fixture("tiny-blip");
        var dir = Copy(blip, temp.File("pkg"), "vision_model.onnx", "text_model.onnx", "itm_model.onnx");
        TinyPackage.Copy(Fixture("tokenizer-json", "tiny-blip", "tokenizer.json"), Path.Combine(dir, "tokenizer.json"));
        // tiny-blip's graphs take 384 x 384 squashed images, BLIP's default; no manifest, so the files decide everything else.
        var package = ModelPackageLoader.Load(dir);

        Assert.Equal("blip", package.Family.Name);
        Assert.Contains("family blip inferred from the files: tokenizer.json with a WordPiece model", package.Notes);
        Assert.Equal(ScoringMode.ItmPlusItc, package.Scoring);
        using (var model = LoadedModel.Load(package, RuntimeOptions.Default))
        {
            var rows = CsvTable.Read(Fixture("reference", "tiny-blip", "tokens.csv")).Rows;
            Assert.True(rows.Count > 100);
            Assert.Empty(rows.Where(r => !model.Tokenizer.Encode(r["caption"]).SequenceEqual(Ids(r["ids"]))).Select(r => r["caption"]));
            Assert.Equal(298, ((BertWordPieceTokenizer)model.Tokenizer).EncTokenId);
        }

        await EvalJob.RunAsync(new EvalRequest(dir, "relation", RepoPaths.InRepo("data", "demo"), temp.File("a"), new EvaluationSettings(), RuntimeOptions.Default, NoCache: true), new NullEvalObserver());
        await EvalJob.RunAsync(new EvalRequest(blip, "relation", RepoPaths.InRepo("data", "demo"), temp.File("b"), new EvaluationSettings(), RuntimeOptions.Default, NoCache: true), new NullEvalObserver());
        Assert.Equal(File.ReadAllText(temp.File("b", "relation.predictions.csv")), File.ReadAllText(temp.File("a", "relation.predictions.csv")));
    }

    [Fact]
    public void A_siglip_package_with_only_tokenizer_json_gives_the_spiece_model_ids()
    {
        using var temp = new TempDirectory();
        var siglip = Fixture("tiny-siglip");
        var dir = Copy(siglip, temp.File("pkg"), "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "preprocessor_config.json",
            Path.Combine("onnx", "vision_model.onnx"), Path.Combine("onnx", "text_model.onnx"));

        var package = ModelPackageLoader.Load(dir);

        Assert.Equal("siglip", package.Family.Name);
        Assert.Contains("family siglip inferred from the files: tokenizer.json with a Unigram (SentencePiece) model", package.Notes);
        Assert.Equal(TokenizerKind.SentencePiece, package.Tokenizer.Kind);
        using var model = LoadedModel.Load(package, RuntimeOptions.Default);
        var tokenizer = (SiglipTokenizer)model.Tokenizer;
        Assert.EndsWith("tokenizer.json", tokenizer.Source, StringComparison.Ordinal);
        var rows = CsvTable.Read(Fixture("reference", "tiny-siglip", "tokens.csv")).Rows;
        var mismatches = rows.Where(r => !tokenizer.EncodePadded(r["caption"]).SequenceEqual(Ids(r["ids"]))).Select(r => r["caption"]).ToList();

        // Only the exact segmentation tie of docs/siglip.md, which the spiece.model path shares (SiglipTokenizerTests).
        Assert.Equal(["numbers 1 22 333 4444 and 3.14, 1/2, 50%"], mismatches);
        Assert.Equal(1, tokenizer.PadId);
    }
}

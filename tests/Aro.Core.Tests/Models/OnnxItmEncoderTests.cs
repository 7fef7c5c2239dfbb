using System.Globalization;
using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Tests.Imaging;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Models;

/// <summary>
/// tiny-blip's ITM graph on the PyTorch-preprocessed pixels of coco-order-000008 (so images are identical) and the
/// case's five captions with <c>[ENC]</c> first, against the logits PyTorch computed (embeddings/itm_logits.csv).
/// </summary>
public sealed class OnnxItmEncoderTests(ITestOutputHelper output)
{
    private const string CaseId = "coco-order-000008";

    private static string Package(params string[] file) => RepoPaths.InRepo(["tests", "fixtures", "tiny-blip", .. file]);

    [Fact]
    public void Logits_match_pytorch_for_every_option()
    {
        var (pairs, expected) = ReferencePairs();
        using var itm = new OnnxItmEncoder(Package("itm_model.onnx"), 35, 0, RuntimeOptions.Default);

        var logits = itm.Logits(pairs);

        var max = logits.Zip(expected).SelectMany(p => p.First.Zip(p.Second, (a, b) => Math.Abs(a - b))).Max();
        output.WriteLine($"{CaseId}: {pairs.Count} pairs, max |logit difference| {max:E2}");
        Assert.Equal(expected.Count, logits.Count);
        Assert.True(max < 1e-4, $"max logit difference {max}");
    }

    [Fact]
    public void Chunked_runs_give_the_same_logits_as_one_run()
    {
        var (pairs, _) = ReferencePairs();
        using var whole = new OnnxItmEncoder(Package("itm_model.onnx"), 35, 0, RuntimeOptions.Default);
        // Two images' worth of features per run: the five pairs take three runs, each padded to its own length.
        using var chunked = new OnnxItmEncoder(Package("itm_model.onnx"), 35, 0, RuntimeOptions.Default, maxFeatureFloatsPerRun: 2 * 145 * 32);

        var one = whole.Logits(pairs);
        var three = chunked.Logits(pairs);

        for (var i = 0; i < pairs.Count; i++)
        {
            Assert.Equal(one[i][0], three[i][0], 5);
            Assert.Equal(one[i][1], three[i][1], 5);
        }
    }

    [Fact]
    public void Reads_the_feature_shape_from_the_graph()
    {
        using var itm = new OnnxItmEncoder(Package("itm_model.onnx"), 35, 0, RuntimeOptions.Default);

        Assert.Equal((145, 32), (itm.FeatureTokens, itm.FeatureWidth));
    }

    [Fact]
    public void A_vision_graph_of_another_width_is_refused_at_load()
    {
        var error = Assert.Throws<AroInputException>(() => new OnnxItmEncoder(Package("itm_model.onnx"), 35, 0, RuntimeOptions.Default, featureWidth: 768));

        Assert.Contains("32", error.Message, StringComparison.Ordinal);
        Assert.Contains("768", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Features_of_the_wrong_size_are_an_input_error()
    {
        using var itm = new OnnxItmEncoder(Package("itm_model.onnx"), 35, 0, RuntimeOptions.Default);

        var error = Assert.Throws<AroInputException>(() => itm.Logits([new ItmPair(new float[577 * 32], [298, 5, 3])]));

        Assert.Contains("577", error.Message, StringComparison.Ordinal);
    }

    private static (List<ItmPair> Pairs, List<float[]> Expected) ReferencePairs()
    {
        var pixels = ClipImageTransformParityTests.ReadFloats(
            RepoPaths.InRepo("tests", "fixtures", "reference", "tiny-blip", "pixels", CaseId + ".f32"));
        using var vision = new OnnxImageEncoder(Package("vision_model.onnx"), ImageTransformSpec.Blip(), RuntimeOptions.Default, needFeatures: true);
        var features = vision.Encode(pixels, 1)[0].TokenFeatures!;
        var tokenizer = BertWordPieceTokenizer.Load(Package("vocab.txt"));
        var captions = File.ReadLines(RepoPaths.InRepo("data", "demo", "cases.jsonl"))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Single(c => c.GetProperty("id").GetString() == CaseId)
            .GetProperty("captions").EnumerateArray().Select(c => c.GetString()!).ToList();
        var pairs = captions.Select(c =>
        {
            var ids = tokenizer.Encode(c);
            ids[0] = 298; // [ENC], as the package's manifest says
            return new ItmPair(features, ids);
        }).ToList();
        var expected = CsvTable.Read(RepoPaths.InRepo("tests", "fixtures", "reference", "tiny-blip", "embeddings", "itm_logits.csv")).Rows
            .Where(r => r["id"] == CaseId)
            .OrderBy(r => int.Parse(r["option"], CultureInfo.InvariantCulture))
            .Select(r => new[] { (float)CsvTable.Number(r["logit_0"]), (float)CsvTable.Number(r["logit_1"]) })
            .ToList();
        return (pairs, expected);
    }
}

using Aro.Core.Benchmarks;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Models;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Pipeline;

/// <summary>
/// A graph whose embeddings are NaN or all zero must never produce a score: every cosine is then NaN or 0, the first
/// option wins every tie, and such a model scored 1.0 on the Order subsets. The ONNX graphs are scripts/make_bad_models.py's
/// vision_nan / vision_zero / text_nan / text_zero (tests/fixtures/bad-models), the fitting shapes with weights all NaN
/// or all zero.
/// </summary>
public sealed class EmbeddingCheckTests
{
    private static readonly string Demo = RepoPaths.InRepo("data", "demo");

    [Theory]
    [InlineData(new float[] { 0.6f, float.NaN, 0.8f }, "holds NaN at element 1 of 3")]
    [InlineData(new float[] { float.PositiveInfinity, 0 }, "holds +Infinity at element 0 of 2")]
    [InlineData(new float[] { 1, float.NegativeInfinity }, "holds -Infinity at element 1 of 2")]
    [InlineData(new float[] { 0, -0f, 0, 0 }, "is all zeros (4 values; its norm is 0)")]
    [InlineData(new float[0], "is empty (the graph gave 0 values)")]
    public void Non_finite_zero_and_empty_embeddings_are_named(float[] embedding, string expected) =>
        Assert.Equal(expected, EmbeddingCheck.Problem(embedding));

    [Theory]
    [InlineData(new float[] { 1e-30f, 0, 0 })]
    [InlineData(new float[] { -1, 0 })]
    [InlineData(new float[] { 3.4e38f, 3.4e38f })]
    public void Finite_embeddings_with_a_direction_pass(float[] embedding) => Assert.Null(EmbeddingCheck.Problem(embedding));

    [Theory]
    [InlineData("vision_nan.onnx", "text_ok.onnx", "the image embedding from vision_model.onnx holds NaN at element 0 of 32")]
    [InlineData("vision_zero.onnx", "text_ok.onnx", "the image embedding from vision_model.onnx is all zeros (32 values; its norm is 0)")]
    [InlineData("vision_ok.onnx", "text_nan.onnx", "the text embedding of caption option 0 from text_model.onnx holds NaN at element 0 of 32")]
    [InlineData("vision_ok.onnx", "text_zero.onnx", "the text embedding of caption option 0 from text_model.onnx is all zeros")]
    public async Task A_graph_giving_bad_embeddings_stops_the_run_naming_the_case_subset_and_graph(string vision, string text, string expected)
    {
        using var temp = new TempDirectory();
        var package = TinyPackage.Make(temp.File("model"), vision, text);

        var error = await Assert.ThrowsAsync<AroInputException>(() => Run(package, "sugarcrepe-replace-att", temp.File("out"), ErrorPolicy.Fail));

        var first = await FirstCaseId("sugarcrepe-replace-att");
        Assert.StartsWith($"case {first} of sugarcrepe-replace-att: {expected}", error.Message, StringComparison.Ordinal);
        Assert.Contains("--on-error skip", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public async Task Under_skip_every_case_of_a_nan_graph_is_a_recorded_skip_and_none_a_score()
    {
        using var temp = new TempDirectory();
        var package = TinyPackage.Make(temp.File("model"), "vision_nan.onnx", "text_ok.onnx");

        var outcome = await Run(package, "sugarcrepe-replace-att", temp.File("out"), ErrorPolicy.Skip);

        var summary = Assert.Single(outcome.Summaries);
        var cases = await CountCases("sugarcrepe-replace-att");
        Assert.Equal(0, summary.Samples);
        Assert.Equal(cases, summary.Skipped);
        var skipped = CsvTable.Read(Path.Combine(outcome.OutputDirectory, ResultFiles.Skipped)).Rows;
        Assert.Equal(cases, skipped.Count);
        Assert.All(skipped, row => Assert.Contains("the image embedding from vision_model.onnx holds NaN", row["reason"], StringComparison.Ordinal));
        Assert.Empty(CsvTable.Read(Path.Combine(outcome.OutputDirectory, ResultFiles.Predictions("sugarcrepe-replace-att"))).Rows);
    }

    [Fact]
    public async Task Under_skip_only_the_cases_reading_a_bad_caption_embedding_are_skipped()
    {
        // The in-memory model gives a NaN text embedding (NaN throughout once normalised) to every caption holding "cat"; the other cases score as before.
        using var temp = new TempDirectory();
        var cases = temp.Write("mixed.jsonl", string.Join('\n',
            Case("good-0", """["a red triangle", "a blue square"]"""),
            Case("bad-1", """["a red triangle", "a cat"]"""),
            Case("good-2", """["a blue square", "a red triangle"]"""),
            Case("bad-3", """["a cat sat", "a blue square"]""")) + "\n");
        var cat = "cat".Select(c => c + 3).ToArray();
        var model = new InMemoryModel { TextOverride = ids => Contains(ids, cat) ? [1, float.NaN, 0, 0] : null };

        var outcome = await RunInMemory(temp, model, cases, ErrorPolicy.Skip);

        var skipped = CsvTable.Read(Path.Combine(outcome.OutputDirectory, ResultFiles.Skipped)).Rows;
        Assert.Equal(["bad-1", "bad-3"], skipped.Select(r => r["id"]).Order());
        Assert.Contains("the text embedding of caption option 1 from text holds NaN at element 0 of 4", skipped.Single(r => r["id"] == "bad-1")["reason"], StringComparison.Ordinal);
        Assert.Contains("the text embedding of caption option 0 from text holds NaN at element 0 of 4", skipped.Single(r => r["id"] == "bad-3")["reason"], StringComparison.Ordinal);
        var predictions = CsvTable.Read(Path.Combine(outcome.OutputDirectory, ResultFiles.Predictions("mixed"))).Rows;
        Assert.Equal(["good-0", "good-2"], predictions.Select(r => r["id"]));
        Assert.All(predictions, row => Assert.True(double.IsFinite(CsvTable.Number(row["score_0"])) && CsvTable.Number(row["score_0"]) != 0, row["id"]));
    }

    [Fact]
    public async Task Retrieval_refuses_a_nan_image_embedding_whatever_the_policy()
    {
        using var temp = new TempDirectory();
        var package = TinyPackage.Make(temp.File("model"), "vision_nan.onnx", "text_ok.onnx");

        var error = await Assert.ThrowsAsync<AroInputException>(() => Run(package, "coco-retrieval", temp.File("out"), ErrorPolicy.Skip));

        Assert.Contains("coco-retrieval: image 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("the image embedding from vision_model.onnx holds NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_image_encoder_of_perturbed_retrieval_and_re_ranking_refuses_a_zero_embedding()
    {
        // Perturbed images and BLIP's re-ranking are encoded outside the case pipeline (ImageBatchEncoder); the check is there too.
        using var temp = new TempDirectory();
        using var model = LoadedModel.Load(ModelPackageLoader.Load(TinyPackage.Make(temp.File("model"), "vision_zero.onnx", "text_ok.onnx")), RuntimeOptions.Default);
        var encoder = new ImageBatchEncoder(model, new EvaluationSettings(BatchSize: 2));
        string[] images = [Path.Combine(Demo, "images", "img_00.jpg"), Path.Combine(Demo, "images", "img_05.jpg")];

        var error = Assert.Throws<AroInputException>(() => encoder.Encode(images, (ImagePerturbation.ShuffleRows4, 1), (_, _) => Assert.Fail("a batch was handed on"),
            i => $"coco-retrieval: image {i}", null, CancellationToken.None));

        Assert.StartsWith("coco-retrieval: image 0: the image embedding from vision_model.onnx is all zeros (32 values; its norm is 0)", error.Message, StringComparison.Ordinal);
    }

    private static bool Contains(int[] ids, int[] part)
    {
        for (var i = 0; i + part.Length <= ids.Length; i++)
        {
            if (ids.AsSpan(i, part.Length).SequenceEqual(part))
            {
                return true;
            }
        }

        return false;
    }

    private static string Case(string id, string captions) =>
        $$"""{"id": "{{id}}", "image": "{{Path.Combine(Demo, "images", "img_00.jpg")}}", "captions": {{captions}}, "label": 0, "group": "a"}""";

    private static Task<EvalOutcome> Run(string package, string subset, string outDir, ErrorPolicy policy, RetrievalOptions? retrieval = null) =>
        EvalJob.RunAsync(
            new EvalRequest(package, subset, Demo, outDir, new EvaluationSettings(BatchSize: 4, OnError: policy), RuntimeOptions.Default,
                NoCache: true, AllowSkips: true, Retrieval: retrieval),
            new NullEvalObserver());

    private static Task<EvalOutcome> RunInMemory(TempDirectory temp, InMemoryModel model, string cases, ErrorPolicy policy)
    {
        var paths = new AroPaths(temp.File("models"), temp.File("no-data"), temp.File("cache"));
        var request = new EvalRequest("in-memory", cases, Demo, temp.File("out"),
            new EvaluationSettings(BatchSize: 2, PreprocessThreads: 1, OnError: policy), RuntimeOptions.Default,
            NoCache: true, AllowSkips: true, Paths: paths);
        return EvalJob.RunAsync(request, SubsetSelection.Parse(cases), _ => model, new NullEvalObserver());
    }

    private static async Task<string> FirstCaseId(string subset)
    {
        var native = (NativeSubset)BenchmarkRegistry.Subsets.Single(s => s.Name == subset);
        await foreach (var aroCase in native.OpenReader(DataLocator.Resolve(native, Demo, Demo), 1).ReadAsync())
        {
            return aroCase.Id;
        }

        throw new InvalidOperationException($"{subset} has no demo cases");
    }

    private static async Task<int> CountCases(string subset)
    {
        var native = (NativeSubset)BenchmarkRegistry.Subsets.Single(s => s.Name == subset);
        var count = 0;
        await foreach (var unused in native.OpenReader(DataLocator.Resolve(native, Demo, Demo), 1).ReadAsync())
        {
            count++;
        }

        return count;
    }
}

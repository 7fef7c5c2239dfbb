using Aro.Core.Evaluation;
using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.Core.Tests.Support;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

public sealed class ModelPackageLoaderTests
{
    private static string Demo => RepoPaths.InRepo("models", "demo");

    [Fact]
    public void Aro_layout_reads_the_manifest()
    {
        var package = ModelPackageLoader.Load(Demo);

        Assert.Equal("demo", package.Name);
        Assert.Equal("aro", package.Layout);
        Assert.Equal("clip", package.Family.Name);
        Assert.Equal(ScoringMode.Itc, package.Scoring);
        Assert.Equal(TokenizerKind.ClipBpe, package.Tokenizer.Kind);
        Assert.Equal(77, package.Tokenizer.ContextLength);
        Assert.Equal(ImageTransformSpec.Clip().Height, package.ImageTransform.Height);
        Assert.True(package.ImageTransform.CenterCrop);
    }

    [Fact]
    public async Task Transformers_js_layout_loads_as_is_and_scores_like_the_aro_layout()
    {
        using var temp = new TempDirectory();
        var hf = MakeTransformersJsCopy(temp.File("hf"));
        var package = ModelPackageLoader.Load(hf);

        Assert.Equal("transformers.js", package.Layout);
        Assert.Equal(Path.Combine(hf, "onnx", "vision_model.onnx"), package.VisionModelPath);
        Assert.Equal(77, package.Tokenizer.ContextLength);
        Assert.Contains("image transform from preprocessor_config.json", package.Notes);
        Assert.Equal(ResizeMode.ShortestSide, package.ImageTransform.Resize);
        Assert.Equal(224, package.ImageTransform.Width);

        var cases = Path.Combine(RepoPaths.InRepo("data", "demo"), "cases.jsonl");
        var viaHf = await EvalJob.RunAsync(new EvalRequest(hf, cases, null, temp.File("a"), new EvaluationSettings(), RuntimeOptions.Default), new NullEvalObserver());
        var viaAro = await EvalJob.RunAsync(new EvalRequest(Demo, cases, null, temp.File("b"), new EvaluationSettings(), RuntimeOptions.Default), new NullEvalObserver());
        Assert.Equal(
            File.ReadAllText(Path.Combine(viaAro.OutputDirectory, "coco-order.predictions.csv")),
            File.ReadAllText(Path.Combine(viaHf.OutputDirectory, "coco-order.predictions.csv")));
    }

    [Fact]
    public void Missing_text_graph_names_what_was_expected_and_found()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(Demo, "vision_model.onnx"), temp.File("vision_model.onnx"));

        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(temp.Path));

        Assert.Contains("no text encoder: expected text_model.onnx, onnx/text_model.onnx or textual/model.onnx, found vision_model.onnx", error.Message);
    }

    [Fact]
    public void Missing_tokenizer_files_are_named()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(Demo, "vision_model.onnx"), temp.File("vision_model.onnx"));
        File.Copy(Path.Combine(Demo, "text_model.onnx"), temp.File("text_model.onnx"));

        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(temp.Path));

        Assert.Contains("the CLIP BPE vocabulary is missing: expected vocab.json", error.Message);
    }

    [Theory]
    [InlineData("""{"format": 1, "family": "flava"}""", "field 'family' is 'flava'; expected clip, blip or siglip")]
    [InlineData("""{"format": 2}""", "field 'format' is 2")]
    [InlineData("""{"format": 1, "image_transform": {"resize": "crop"}}""", "field 'image_transform.resize' is 'crop'")]
    [InlineData("""{"format": 1, "image_transform": {"interpolation": "nearest"}}""", "field 'image_transform.interpolation' is 'nearest'; expected bicubic or bilinear")]
    [InlineData("""{"format": 1, "tokenizer": {"context_length": "long"}}""", "malformed manifest at field 'tokenizer.context_length'")]
    [InlineData("""{"format": 1, "scoring": "itm"}""", "aro-model.json: field 'scoring' is 'itm'")]
    [InlineData("""{"format": 1,}""", "aro-model.json: malformed manifest (line 1): ")]
    [InlineData("""{"format": 1, "vision_model": "nope.onnx"}""", "aro-model.json: field 'vision_model' names vision (image) encoder 'nope.onnx', which does not exist")]
    [InlineData("""{"format": 1, "text_model": "a\u0000b.onnx"}""", "aro-model.json: field 'text_model' is not a valid path")]
    [InlineData("""{"format": 1, "tokenizer": {"context_length": 1}}""", "aro-model.json: field 'tokenizer.context_length' is 1; expected 3 to 4096")]
    [InlineData("""{"format": 1, "image_transform": {"mean": [0.5, 1e39, 0.5]}}""", "aro-model.json: image mean and std must hold 3 finite values each")]
    [InlineData("""{"format": 1, "image_transform": {"std": [0.5, 1e-45, 0.5]}}""", "aro-model.json: fields 'image_transform.mean' and 'image_transform.std' (green: mean 0.4578275, std 1E-45) make pixel value 0 infinite")]
    [InlineData("""{"format": 1, "image_transform": {"mean": [0.5, 0.5, 3e38], "std": [0.5, 0.5, 0.5]}}""", "aro-model.json: fields 'image_transform.mean' and 'image_transform.std' (blue: mean 3E+38, std 0.5) make pixel value 0 infinite")]
    [InlineData("""{"format": 1, "image_transform": {"std": [0.5, 0, 0.5]}}""", "aro-model.json: image mean and std must hold 3 finite values each, std > 0 (fields 'image_transform.mean' and 'image_transform.std')")]
    public void Bad_manifest_fields_are_named(string manifest, string expected)
    {
        using var temp = new TempDirectory();
        foreach (var file in new[] { "vision_model.onnx", "text_model.onnx", "vocab.json", "merges.txt" })
        {
            File.Copy(Path.Combine(Demo, file), temp.File(file));
        }

        File.WriteAllText(temp.File(ModelManifest.FileName), manifest);

        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(temp.Path));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("""{"size": 224.5}""", "field 'size' must be a whole number, found 224.5")]
    [InlineData("""{"size": {"shortest_edge": "224"}}""", "field 'size.shortest_edge' must be a whole number, found \"224\"")]
    [InlineData("""{"size": {"height": 1e308, "width": 384}, "do_center_crop": false}""", "field 'size.height' must be a whole number")]
    [InlineData("""{"size": 224, "crop_size": {"height": [224], "width": 224}}""", "field 'crop_size.height' must be a whole number")]
    [InlineData("""{"size": 224, "resample": 1e308}""", "field 'resample' must be a whole number")]
    [InlineData("""{"size": 224, "image_std": [0.5, 0.5, 1e39]}""", "field 'image_std' must be an array of 3 finite numbers")]
    [InlineData("""{"size": 224, "image_std": [1e-45, 0.5, 0.5]}""", "preprocessor_config.json: fields 'image_mean' and 'image_std' (red: mean 0.48145467, std 1E-45) make pixel value 0 infinite")]
    [InlineData("""{"size": 224, "image_mean": [-3e38, 0, 0], "image_std": [0.1, 1, 1]}""", "fields 'image_mean' and 'image_std' (red: mean -3E+38, std 0.1) make pixel value 0 infinite")]
    [InlineData("""{"size": 224, "image_std": [0.5, -0.5, 0.5]}""", "std > 0 (fields 'image_mean' and 'image_std')")]
    [InlineData("""{"size": {"shortest_edge": 100000}, "crop_size": 224}""", "is not a usable model input size")]
    public void Bad_preprocessor_config_fields_are_named(string config, string expected)
    {
        using var temp = new TempDirectory();
        foreach (var file in new[] { "vision_model.onnx", "text_model.onnx", "vocab.json", "merges.txt" })
        {
            File.Copy(Path.Combine(Demo, file), temp.File(file));
        }

        File.WriteAllText(temp.File(PreprocessorConfig.FileName), config);

        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(temp.Path));

        Assert.Contains("preprocessor_config.json", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_transform_that_does_not_fit_the_vision_graph_is_rejected_at_load()
    {
        var package = ModelPackageLoader.Load(Demo) with { ImageTransform = ImageTransformSpec.Blip() };

        var error = Assert.Throws<AroInputException>(() => LoadedModel.Load(package, RuntimeOptions.Default));

        Assert.Contains("input axis 2 (height (from the image transform)) is 224 but the package's transform gives 384", error.Message);
    }

    [Fact]
    public void Loading_probes_the_embedding_size()
    {
        using var model = LoadedModel.Load(ModelPackageLoader.Load(Demo), RuntimeOptions.Default);

        Assert.Equal(32, model.EmbeddingSize);
        Assert.Null(model.TextEncoder.FixedSequenceLength);
    }

    private static string MakeTransformersJsCopy(string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "onnx"));
        File.Copy(Path.Combine(Demo, "vision_model.onnx"), Path.Combine(dir, "onnx", "vision_model.onnx"));
        File.Copy(Path.Combine(Demo, "text_model.onnx"), Path.Combine(dir, "onnx", "text_model.onnx"));
        File.Copy(Path.Combine(Demo, "vocab.json"), Path.Combine(dir, "vocab.json"));
        File.Copy(Path.Combine(Demo, "merges.txt"), Path.Combine(dir, "merges.txt"));
        File.WriteAllText(Path.Combine(dir, "preprocessor_config.json"), """
            {
              "crop_size": {"height": 224, "width": 224},
              "do_center_crop": true, "do_convert_rgb": true, "do_normalize": true, "do_resize": true,
              "image_mean": [0.48145466, 0.4578275, 0.40821073],
              "image_processor_type": "CLIPImageProcessor",
              "image_std": [0.26862954, 0.26130258, 0.27577711],
              "resample": 3, "rescale_factor": 0.00392156862745098,
              "size": {"shortest_edge": 224}
            }
            """);
        File.WriteAllText(Path.Combine(dir, "tokenizer_config.json"), """{"model_max_length": 77, "tokenizer_class": "CLIPTokenizer"}""");
        return dir;
    }
}

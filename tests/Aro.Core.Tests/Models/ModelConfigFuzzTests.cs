using System.Text;
using System.Text.Json.Nodes;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Models;

/// <summary>
/// The JSON a model package or the catalog is described by, mutated (<see cref="JsonMutations"/>):
/// <c>aro-model.json</c>, <c>preprocessor_config.json</c> and <c>tokenizer_config.json</c> through
/// <see cref="ModelPackageLoader.Load"/>, and <c>catalog.json</c> through <see cref="ModelCatalog.Parse"/>. Each loads
/// or fails with an <see cref="AroInputException"/> naming the file.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class ModelConfigFuzzTests(ITestOutputHelper output)
{
    private const long AllocationBound = 64L << 20;

    private const string ClipPreprocessor = """
        {"crop_size": {"height": 224, "width": 224}, "do_center_crop": true, "do_convert_rgb": true, "do_normalize": true,
         "do_rescale": true, "do_resize": true, "image_mean": [0.48145466, 0.4578275, 0.40821073],
         "image_processor_type": "CLIPImageProcessor", "image_std": [0.26862954, 0.26130258, 0.27577711], "resample": 3,
         "rescale_factor": 0.00392156862745098, "size": {"shortest_edge": 224}}
        """;

    private const string BlipPreprocessor = """
        {"do_normalize": true, "do_resize": true, "image_mean": [0.48145466, 0.4578275, 0.40821073],
         "image_std": [0.26862954, 0.26130258, 0.27577711], "processor_class": "BlipProcessor", "resample": 3,
         "rescale_factor": 0.00392156862745098, "size": {"height": 384, "width": 384}, "do_center_crop": false, "crop_size": 384}
        """;

    private const string TokenizerConfig = """
        {"model_max_length": 77, "bos_token": "<|startoftext|>", "do_lower_case": true, "pad_token": "<|endoftext|>"}
        """;

    [Fact]
    public async Task Manifests_load_or_fail_cleanly()
    {
        using var package = Package();
        var seeds = new[] { RepoPaths.InRepo("models", "demo", "aro-model.json"), RepoPaths.InRepo("tests", "fixtures", "tiny-blip", "aro-model.json") };
        var random = new Random(21);
        var inputs = seeds.SelectMany(seed => Mutants("aro-model.json", File.ReadAllText(seed), random, structural: 500, truncations: 40, overwrites: 60, splices: 40));
        var report = await RunAsync("ModelPackageLoader (aro-model.json)", package, "aro-model.json", inputs);
        FuzzAssert.Clean(report, output, AllocationBound, minimumInputs: 1_300);
    }

    [Fact]
    public async Task Preprocessor_configs_load_or_fail_cleanly()
    {
        using var package = Package();
        package.Write("tokenizer_config.json", TokenizerConfig);
        var random = new Random(22);
        var inputs = new[] { ClipPreprocessor, BlipPreprocessor }
            .SelectMany(seed => Mutants("preprocessor_config.json", seed, random, structural: 400, truncations: 30, overwrites: 40, splices: 30));
        var report = await RunAsync("ModelPackageLoader (preprocessor_config.json)", package, "preprocessor_config.json", inputs);
        FuzzAssert.Clean(report, output, AllocationBound, minimumInputs: 1_000);
    }

    [Fact]
    public async Task Tokenizer_configs_load_or_fail_cleanly()
    {
        using var package = Package();
        package.Write("preprocessor_config.json", ClipPreprocessor);
        var inputs = Mutants("tokenizer_config.json", TokenizerConfig, new Random(23), structural: 200, truncations: 20, overwrites: 30, splices: 20);
        var report = await RunAsync("ModelPackageLoader (tokenizer_config.json)", package, "tokenizer_config.json", inputs);
        FuzzAssert.Clean(report, output, AllocationBound, minimumInputs: 300);
    }

    [Fact]
    public async Task Catalogs_parse_or_fail_cleanly()
    {
        var seed = File.ReadAllText(RepoPaths.InRepo("models", "catalog.json"));
        var inputs = Mutants("catalog.json", seed, new Random(24), structural: 800, truncations: 60, overwrites: 100, splices: 60);
        var report = await FuzzRunner.RunAsync("ModelCatalog.Parse", inputs, input =>
        {
            using var stream = new MemoryStream(input.Bytes);
            var catalog = ModelCatalog.Parse(stream, "models/catalog.json");
            return Task.FromResult(catalog.Models.Any(m => m.Name is null || m.PresentCheck is null) ? "a model has a null name or file list" : null);
        }, FuzzRunner.MustName("catalog.json"));
        FuzzAssert.Clean(report, output, AllocationBound, minimumInputs: 1_000);
    }

    private static IEnumerable<FuzzInput> Mutants(string name, string seed, Random random, int structural, int truncations, int overwrites, int splices)
    {
        var valid = new FuzzInput(name, Encoding.UTF8.GetBytes(seed.ReplaceLineEndings("\n")));
        return JsonMutations.Structural(name, JsonNode.Parse(seed)!, random, structural)
            .Concat(JsonMutations.Textual(valid, random, truncations, overwrites, splices))
            .Prepend(valid);
    }

    private static Task<FuzzReport> RunAsync(string target, TempDirectory package, string fileName, IEnumerable<FuzzInput> inputs) =>
        FuzzRunner.RunAsync(target, inputs, async input =>
        {
            await File.WriteAllBytesAsync(package.File(fileName), input.Bytes);
            var loaded = ModelPackageLoader.Load(package.Path);
            loaded.ImageTransform.Validate("loaded package");
            return loaded.Tokenizer.ContextLength is < 3 or > 4096 ? $"context length {loaded.Tokenizer.ContextLength}" : null;
        }, FuzzRunner.MustName(fileName));

    /// <summary>A package folder with every file a manifest may name; the graphs are empty (loading never opens them).</summary>
    private static TempDirectory Package()
    {
        var package = new TempDirectory();
        foreach (var file in new[] { "vision_model.onnx", "text_model.onnx", "itm_model.onnx", "onnx/vision_model.onnx", "onnx/text_model.onnx" })
        {
            package.Write(file, "");
        }

        File.Copy(RepoPaths.InRepo("models", "demo", "vocab.json"), package.File("vocab.json"));
        File.Copy(RepoPaths.InRepo("models", "demo", "merges.txt"), package.File("merges.txt"));
        package.Write("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\na\ndog\n");
        return package;
    }
}

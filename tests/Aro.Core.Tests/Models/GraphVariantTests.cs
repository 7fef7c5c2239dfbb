using Aro.Core.Models;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>
/// The transformers.js file variants (<c>onnx/vision_model_fp16.onnx</c>, ...): <c>--variant</c> or the manifest picks one,
/// fp32 is the default, a folder holding one variant only uses it and says so, and anything ambiguous or missing is
/// refused naming the files there.
/// </summary>
public sealed class GraphVariantTests
{
    private static string TinySiglip => RepoPaths.InRepo("tests", "fixtures", "tiny-siglip");

    /// <summary>tiny-siglip without its graphs, then the named variants of both towers.</summary>
    private static string CopyWith(TempDirectory temp, params string[] variants)
    {
        var dir = temp.File("pkg");
        foreach (var file in Directory.GetFiles(TinySiglip))
        {
            TinyPackage.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        foreach (var variant in variants)
        {
            var suffix = variant == "fp32" ? "" : "_" + variant;
            foreach (var tower in new[] { "vision_model", "text_model" })
            {
                TinyPackage.Copy(Path.Combine(TinySiglip, "onnx", $"{tower}{suffix}.onnx"), Path.Combine(dir, "onnx", $"{tower}{suffix}.onnx"));
            }
        }

        return dir;
    }

    [Fact]
    public void Fp32_is_the_default_when_present()
    {
        var package = ModelPackageLoader.Load(TinySiglip);

        Assert.Equal("fp32", package.Variant.Name);
        Assert.Equal(Path.Combine(TinySiglip, "onnx", "vision_model.onnx"), package.VisionModelPath);
    }

    [Theory]
    [InlineData("fp16", "_fp16")]
    [InlineData("quantized", "_quantized")]
    [InlineData("q8", "_quantized")]
    [InlineData("int8", "_int8")]
    [InlineData("q4", "_q4")]
    [InlineData("FP16", "_fp16")]
    public void The_option_picks_the_variant_files(string option, string suffix)
    {
        var package = ModelPackageLoader.Load(TinySiglip, option);

        Assert.Equal(Path.Combine(TinySiglip, "onnx", $"vision_model{suffix}.onnx"), package.VisionModelPath);
        Assert.Equal(Path.Combine(TinySiglip, "onnx", $"text_model{suffix}.onnx"), package.TextModelPath);
        Assert.Equal(suffix.TrimStart('_'), package.Variant.Name);
        Assert.Contains(package.Notes, n => n.StartsWith($"variant {package.Variant.Name} ", StringComparison.Ordinal) && n.EndsWith("from --variant", StringComparison.Ordinal));
    }

    [Fact]
    public void The_manifest_picks_a_variant_and_the_option_overrides_it()
    {
        using var temp = new TempDirectory();
        var dir = CopyWith(temp, "fp32", "int8", "q4");
        File.WriteAllText(Path.Combine(dir, "aro-model.json"), """{"format": 1, "variant": "int8"}""");

        Assert.Equal("int8", ModelPackageLoader.Load(dir).Variant.Name);
        Assert.Equal("q4", ModelPackageLoader.Load(dir, "q4").Variant.Name);
    }

    [Fact]
    public void A_folder_with_one_variant_only_uses_it_and_says_so()
    {
        using var temp = new TempDirectory();
        var dir = CopyWith(temp, "quantized");

        var package = ModelPackageLoader.Load(dir);

        Assert.Equal("quantized", package.Variant.Name);
        Assert.EndsWith("vision_model_quantized.onnx", package.VisionModelPath, StringComparison.Ordinal);
        Assert.Contains(package.Notes, n => n.Contains("variant quantized", StringComparison.Ordinal) && n.Contains("the only file variant there", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_variants_without_fp32_must_be_chosen()
    {
        using var temp = new TempDirectory();
        var dir = CopyWith(temp, "fp16", "q4");

        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(dir));

        Assert.Contains("no fp32 onnx/vision_model.onnx, and several variants of the vision (image) encoder: fp16 (onnx/vision_model_fp16.onnx), q4 (onnx/vision_model_q4.onnx); choose one with --variant", error.Message);
    }

    [Fact]
    public void A_missing_variant_names_the_ones_there()
    {
        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(TinySiglip, "bnb4"));

        Assert.Contains("no vision (image) encoder of variant bnb4: expected onnx/vision_model_bnb4.onnx; the package has fp32 (onnx/vision_model.onnx), fp16 (onnx/vision_model_fp16.onnx)", error.Message);
    }

    [Fact]
    public void Towers_of_different_variants_are_refused_unless_one_is_chosen()
    {
        using var temp = new TempDirectory();
        var dir = CopyWith(temp);
        TinyPackage.Copy(Path.Combine(TinySiglip, "onnx", "vision_model_fp16.onnx"), Path.Combine(dir, "onnx", "vision_model_fp16.onnx"));
        TinyPackage.Copy(Path.Combine(TinySiglip, "onnx", "text_model_q4.onnx"), Path.Combine(dir, "onnx", "text_model_q4.onnx"));

        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(dir));

        Assert.Contains("the vision graph is the fp16 file onnx/vision_model_fp16.onnx but the text graph the q4 file onnx/text_model_q4.onnx", error.Message);
    }

    [Fact]
    public void An_unknown_variant_gets_a_suggestion()
    {
        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(TinySiglip, "fp61"));

        Assert.Contains("--variant: 'fp61' is not a file variant; expected fp32, fp16, quantized, int8, uint8, q4, q4f16, bnb4.", error.Message);
    }

    [Fact]
    public void Each_variant_changes_the_fingerprint()
    {
        var fingerprints = new[] { "fp32", "fp16", "quantized", "int8", "q4" }
            .Select(v => Convert.ToHexString(ModelFingerprint.Compute(ModelPackageLoader.Load(TinySiglip, v)))).ToList();

        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
    }
}

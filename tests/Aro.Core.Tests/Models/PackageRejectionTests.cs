using Aro.Core.Models;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>
/// Packages whose graphs do not fit are rejected at load, before any case is read, with the expected and the found
/// shapes. The graphs are tiny ones from scripts/make_bad_models.py.
/// </summary>
public sealed class PackageRejectionTests
{
    private static string Package(TempDirectory temp, string vision, string text)
    {
        File.Copy(RepoPaths.InRepo("tests", "fixtures", "bad-models", vision), temp.File("vision_model.onnx"));
        File.Copy(RepoPaths.InRepo("tests", "fixtures", "bad-models", text), temp.File("text_model.onnx"));
        File.Copy(RepoPaths.InRepo("models", "demo", "vocab.json"), temp.File("vocab.json"));
        File.Copy(RepoPaths.InRepo("models", "demo", "merges.txt"), temp.File("merges.txt"));
        return temp.Path;
    }

    [Theory]
    [InlineData("vision_two_inputs.onnx", "text_ok.onnx", "expected one input pixel_values float32 [batch, 3, height, width], found pixel_values float32 [batch, 3, 224, 224]; scale float32 [batch]")]
    [InlineData("vision_rank2.onnx", "text_ok.onnx", "expected input float32 [batch, 3, height, width], found pixel_values float32 [batch, 150528]")]
    [InlineData("vision_384.onnx", "text_ok.onnx", "input axis 2 (height (from the image transform)) is 384 but the package's transform gives 224")]
    [InlineData("vision_dim16.onnx", "text_ok.onnx", "the image embedding has 16 values (vision_model.onnx) but the text embedding has 32 (text_model.onnx)")]
    [InlineData("vision_ok.onnx", "text_wrong_name.onnx", "expected an input 'input_ids' int64|int32 [batch, sequence], found tokens int64 [batch, sequence]")]
    [InlineData("vision_ok.onnx", "text_fixed16.onnx", "input input_ids int64 [batch, 16] takes exactly 16 tokens but the tokenizer makes up to 77")]
    public void Misfit_packages_are_rejected_at_load_naming_expected_and_found(string vision, string text, string expected)
    {
        using var temp = new TempDirectory();
        var package = ModelPackageLoader.Load(Package(temp, vision, text));

        var error = Assert.Throws<AroInputException>(() => LoadedModel.Load(package, RuntimeOptions.Default));

        Assert.Contains(expected, error.Message);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void A_fixed_77_token_text_graph_is_fed_padded_ids()
    {
        using var temp = new TempDirectory();
        using var model = LoadedModel.Load(ModelPackageLoader.Load(Package(temp, "vision_ok.onnx", "text_fixed77.onnx")), RuntimeOptions.Default);

        Assert.Equal(77, model.TextEncoder.FixedSequenceLength);
        var short_ = model.TextEncoder.Encode([model.Tokenizer.Encode("a dog")]);
        Assert.Equal(32, short_[0].Length);
    }

    [Fact]
    public void A_fitting_package_of_tiny_graphs_loads()
    {
        using var temp = new TempDirectory();
        using var model = LoadedModel.Load(ModelPackageLoader.Load(Package(temp, "vision_ok.onnx", "text_ok.onnx")), RuntimeOptions.Default);

        Assert.Equal(32, model.EmbeddingSize);
    }
}

using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Models.Families;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Siglip;

/// <summary>
/// tests/fixtures/tiny-siglip, a package in the Hugging Face / transformers.js layout of a SigLIP export, loads as-is as
/// the SigLIP family: recognised from config.json (or spiece.model alone), SigLIP's tokenizer with its ids from the
/// tokenizer files, every caption padded to 64, pooler_output embeddings, SiglipImageProcessor's transform from
/// preprocessor_config.json whose pixels equal the reference's bit for bit. SigLIP 2 packages are refused with the reason.
/// </summary>
public sealed class SiglipPackageTests
{
    private static string Package => TinySiglipReference.Package;

    [Fact]
    public void The_package_loads_as_siglip_with_its_settings_from_the_files()
    {
        var package = ModelPackageLoader.Load(Package);

        Assert.Equal("siglip", package.Family.Name);
        Assert.Equal("transformers.js", package.Layout);
        Assert.Contains("family siglip inferred from the files: config.json model_type siglip", package.Notes);
        Assert.Equal(TextPadding.FullContext, package.Family.Padding);
        Assert.Equal(ScoringMode.Itc, package.Scoring);
        var t = package.Tokenizer;
        Assert.Equal((TokenizerKind.SentencePiece, 64, 1, true), (t.Kind, t.ContextLength, t.PadId, t.Lowercase));
        Assert.Equal(Path.Combine(Package, "spiece.model"), t.VocabularyPath);
        Assert.Equal("</s>", t.SentencePieceTokens!.PadToken);
        var image = package.ImageTransform;
        Assert.Equal((ResizeMode.Squash, 32, 32, false, ResampleFilter.Bicubic), (image.Resize, image.Width, image.Height, image.CenterCrop, image.Resample));
        Assert.Equal([0.5f, 0.5f, 0.5f], image.Mean);
        Assert.Equal([0.5f, 0.5f, 0.5f], image.Std);
    }

    [Fact]
    public void The_loaded_model_feeds_all_64_positions_and_reads_pooler_output()
    {
        using var model = LoadedModel.Load(ModelPackageLoader.Load(Package), RuntimeOptions.Default);

        Assert.Equal(64, model.TextEncoder.FixedSequenceLength);
        Assert.Equal("pooler_output", ((OnnxImageEncoder)model.ImageEncoder).EmbeddingOutput);
        Assert.Equal("pooler_output", ((OnnxTextEncoder)model.TextEncoder).EmbeddingOutput);
        Assert.Equal(TinySiglipReference.Width, model.EmbeddingSize);
    }

    [Fact]
    public void The_text_encoder_gives_the_reference_embeddings_of_the_padded_ids()
    {
        using var model = LoadedModel.Load(ModelPackageLoader.Load(Package), RuntimeOptions.Default);
        var reference = TinySiglipReference.TextEmbeddings();
        var tokens = TinySiglipReference.Tokens();

        var encoded = model.TextEncoder.Encode([.. tokens.Select(t => t.Ids.Select(i => (int)i).TakeWhile((_, k) => k < 64).ToArray())]);

        var worst = 0.0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var expected = reference[tokens[i].Caption];
            worst = Math.Max(worst, 1 - TinySiglipReference.Cosine(encoded[i], expected));
        }

        Assert.True(worst < 1e-9, $"lowest cosine to the reference pooler_output: {1 - worst}");
    }

    public static TheoryData<string> PixelCases() => [.. TinySiglipReference.PixelCases];

    [Theory]
    [MemberData(nameof(PixelCases))]
    public void The_package_transform_gives_the_reference_pixels_bit_for_bit(string id)
    {
        var demoCase = DemoCases.Find(id);
        var image = new ImageLoader().Load(demoCase.ImagePath);
        if (demoCase.Crop is { } box)
        {
            image = PilCrop.Crop(image, box);
        }

        var transform = ImageTransforms.Create(ModelPackageLoader.Load(Package).ImageTransform);
        var tensor = new float[transform.TensorLength];
        transform.Apply(image, tensor);

        Assert.Equal(TinySiglipReference.Pixels(id), tensor);
    }

    [Fact]
    public void A_folder_with_spiece_model_and_no_config_is_recognised_as_siglip()
    {
        using var temp = new TempDirectory();
        foreach (var file in new[] { "spiece.model", "tokenizer_config.json", "preprocessor_config.json", Path.Combine("onnx", "vision_model.onnx"), Path.Combine("onnx", "text_model.onnx") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp.File(file))!);
            File.Copy(Path.Combine(Package, file), temp.File(file));
        }

        var package = ModelPackageLoader.Load(temp.Path);

        Assert.Equal("siglip", package.Family.Name);
        Assert.Contains("family siglip inferred from the files: spiece.model (SentencePiece) found", package.Notes);
    }

    [Theory]
    [InlineData("tokenizer_config.json", "\"tokenizer_class\": \"SiglipTokenizer\"", "\"tokenizer_class\": \"GemmaTokenizer\"", "SigLIP 2 package (tokenizer_class GemmaTokenizer): SigLIP 2 tokenises with Gemma's byte-fallback BPE, which aro does not implement")]
    [InlineData("config.json", "\"model_type\": \"siglip\"", "\"model_type\": \"siglip2\"", "SigLIP 2 package (config.json model_type siglip2)")]
    [InlineData("preprocessor_config.json", "\"SiglipImageProcessor\"", "\"Siglip2ImageProcessor\"", "SigLIP 2's NaFlex processor cuts each image into a variable number of patches")]
    public void Siglip_2_packages_are_refused_with_the_reason(string file, string from, string to, string expected)
    {
        using var temp = new TempDirectory();
        var dir = CopyPackage(temp);
        var path = Path.Combine(dir, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));

        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(dir));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_bilinear_resample_is_read_and_resized_with_pil_bilinear()
    {
        using var temp = new TempDirectory();
        var dir = CopyPackage(temp);
        var path = Path.Combine(dir, "preprocessor_config.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"resample\": 3", "\"resample\": 2", StringComparison.Ordinal));

        var package = ModelPackageLoader.Load(dir);
        using var model = LoadedModel.Load(package, RuntimeOptions.Default);

        // The filter itself is checked byte for byte against Pillow in the imaging tests (PilResamplerTests).
        Assert.Equal(ResampleFilter.Bilinear, package.ImageTransform.Resample);
        Assert.NotEqual(ModelFingerprint.Compute(ModelPackageLoader.Load(CopyPackage(temp, "bicubic"))), ModelFingerprint.Compute(package));
    }

    [Fact]
    public void A_manifest_pad_id_is_refused_for_sentencepiece()
    {
        using var temp = new TempDirectory();
        var dir = CopyPackage(temp);
        File.WriteAllText(Path.Combine(dir, "aro-model.json"), """{"format": 1, "tokenizer": {"pad_id": 0}}""");

        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(dir));

        Assert.Contains("field 'tokenizer.pad_id' is not used by a sentencepiece tokenizer", error.Message);
    }

    private static string CopyPackage(TempDirectory temp, string name = "pkg")
    {
        var dir = temp.File(name);
        foreach (var file in Directory.GetFiles(Package).Concat([Path.Combine(Package, "onnx", "vision_model.onnx"), Path.Combine(Package, "onnx", "text_model.onnx")]))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(Package, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return dir;
    }
}

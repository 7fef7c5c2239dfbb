using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>
/// preprocessor_config.json's step switches are honoured, never silently ignored: resample picks the filter,
/// do_normalize false gives mean 0 and std 1 (the rescaled values exactly), and what aro cannot reproduce is refused
/// naming the field. CLIP's and BLIP's own configs keep their transforms.
/// </summary>
public sealed class PreprocessorSwitchTests
{
    private const string Siglip = """
        {"do_normalize": true, "do_rescale": true, "do_resize": true, "image_mean": [0.5, 0.5, 0.5], "image_std": [0.5, 0.5, 0.5],
         "image_processor_type": "SiglipImageProcessor", "resample": 3, "rescale_factor": 0.00392156862745098, "size": {"height": 224, "width": 224}}
        """;

    private static ImageTransformSpec Read(TempDirectory temp, string json) => PreprocessorConfig.Read(temp.Write("preprocessor_config.json", json));

    [Fact]
    public void Siglip_config_gives_a_bicubic_squash_with_mean_and_std_one_half()
    {
        using var temp = new TempDirectory();
        var spec = Read(temp, Siglip);

        Assert.Equal((ResizeMode.Squash, 224, 224, false, ResampleFilter.Bicubic), (spec.Resize, spec.Width, spec.Height, spec.CenterCrop, spec.Resample));
        Assert.Equal([0.5f, 0.5f, 0.5f], spec.Mean);
        Assert.Equal([0.5f, 0.5f, 0.5f], spec.Std);
    }

    [Fact]
    public void Resample_2_is_bilinear_and_an_absent_resample_is_bicubic()
    {
        using var temp = new TempDirectory();

        Assert.Equal(ResampleFilter.Bilinear, Read(temp, Siglip.Replace("\"resample\": 3", "\"resample\": 2", StringComparison.Ordinal)).Resample);
        Assert.Equal(ResampleFilter.Bicubic, Read(temp, Siglip.Replace("\"resample\": 3,", "", StringComparison.Ordinal)).Resample);
    }

    [Fact]
    public void Do_normalize_false_leaves_the_rescaled_values()
    {
        using var temp = new TempDirectory();
        var spec = Read(temp, Siglip.Replace("\"do_normalize\": true", "\"do_normalize\": false", StringComparison.Ordinal));

        Assert.Equal([0f, 0f, 0f], spec.Mean);
        Assert.Equal([1f, 1f, 1f], spec.Std);
        // x / 255 - 0 and then / 1 are exact in float32: the tensor is the rescaled pixels.
        var image = new RgbPixels(1, 1, [0, 128, 255]);
        var tensor = new float[3];
        ImageTransforms.Create(spec with { Width = 1, Height = 1, ResizeShortestEdge = 1 }).Apply(image, tensor);
        Assert.Equal([0f, 128 / 255f, 1f], tensor);
    }

    [Theory]
    [InlineData("\"do_resize\": true", "\"do_resize\": false", "field 'do_resize' is false")]
    [InlineData("\"do_rescale\": true", "\"do_rescale\": false", "field 'do_rescale' is false (pixels fed as 0-255)")]
    [InlineData("\"rescale_factor\": 0.00392156862745098", "\"rescale_factor\": 0.5", "field 'rescale_factor' is 0.5; aro scales pixels by 1/255")]
    [InlineData("\"resample\": 3", "\"resample\": 0", "resample 0 (nearest) is not implemented")]
    [InlineData("\"resample\": 3", "\"resample\": 1", "resample 1 (Lanczos) is not implemented")]
    public void Switches_aro_cannot_reproduce_are_refused_naming_the_field(string from, string to, string expected)
    {
        using var temp = new TempDirectory();
        var json = Siglip.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Siglip, json);

        var error = Assert.Throws<AroInputException>(() => Read(temp, json));

        Assert.Contains(expected, error.Message);
        Assert.Contains("preprocessor_config.json", error.Message);
    }
}

using System.Runtime.Intrinsics.X86;
using System.Text.Json;
using Aro.Core.Imaging;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// <see cref="PilResampler"/> against Pillow 9.4's <c>Image.resize(size, BILINEAR | BICUBIC)</c> on small rasters,
/// up- and downscaled to odd sizes and sides of 1 (tests/fixtures/pillow/resize.json, written by
/// scripts/make_pillow_references.py), every byte equal, on the vector and the scalar passes.
/// </summary>
public sealed class PillowResizeParityTests
{
    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, Fixtures().RootElement.GetProperty("cases").GetArrayLength())];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resize_equals_pillows(int index)
    {
        var (source, filter, width, height, expected) = Case(index);

        using var scalar = PilResampler.ResizeWindow(source, filter, width, height, 0, 0, width, height, vectorised: false);
        Assert.Equal(expected, scalar.ToArray());
        if (Avx2.IsSupported)
        {
            using var vector = PilResampler.Resize(source, filter, width, height);
            Assert.Equal(expected, vector.ToArray());
        }
    }

    [Fact]
    public void Fixtures_cover_both_filters_and_both_directions()
    {
        var cases = Enumerable.Range(0, Fixtures().RootElement.GetProperty("cases").GetArrayLength()).Select(Case).ToList();
        Assert.Contains(cases, c => c.Filter == ResampleFilter.Bilinear && c.Width > c.Source.Width);
        Assert.Contains(cases, c => c.Filter == ResampleFilter.Bilinear && c.Width < c.Source.Width && c.Height < c.Source.Height);
        Assert.Contains(cases, c => c.Filter == ResampleFilter.Bicubic && c.Width > c.Source.Width);
        Assert.True(cases.Count(c => c.Filter == ResampleFilter.Bilinear) >= 30);
    }

    [Fact]
    public void A_bilinear_spec_resizes_bilinearly_through_both_transforms()
    {
        // 31x23 squashed to 17x13 bilinear, as SigLIP 2 would (with CLIP's normalisation constants here).
        var (source, _, width, height, expected) = Enumerable.Range(0, Fixtures().RootElement.GetProperty("cases").GetArrayLength())
            .Select(Case).First(c => c.Filter == ResampleFilter.Bilinear && c.Source.Width == 31 && c.Width == 17);
        var squash = new ImageTransformSpec(ResizeMode.Squash, Math.Min(width, height), height, width, false, ImageTransformSpec.ClipMean, ImageTransformSpec.ClipStd)
        {
            Resample = ResampleFilter.Bilinear,
        };
        var tensor = new float[3 * width * height];
        ImageTransforms.Create(squash).Apply(source, tensor);
        Assert.Equal(Normalised(new RgbPixels(width, height, expected), squash), tensor);

        // Shortest side 13 of 31x23 is 17x13; a center crop of 13x13 starts at column 2.
        var clip = new ImageTransformSpec(ResizeMode.ShortestSide, 13, 13, 13, true, ImageTransformSpec.ClipMean, ImageTransformSpec.ClipStd)
        {
            Resample = ResampleFilter.Bilinear,
        };
        var window = new byte[13 * 13 * 3];
        for (var y = 0; y < 13; y++)
        {
            Array.Copy(expected, ((y * 17) + 2) * 3, window, y * 13 * 3, 13 * 3);
        }

        var cropped = new float[3 * 13 * 13];
        ImageTransforms.Create(clip).Apply(source, cropped);
        Assert.Equal(Normalised(new RgbPixels(13, 13, window), clip), cropped);
    }

    [Fact]
    public void Specs_default_to_bicubic()
    {
        Assert.Equal(ResampleFilter.Bicubic, ImageTransformSpec.Clip().Resample);
        Assert.Equal(ResampleFilter.Bicubic, ImageTransformSpec.Blip().Resample);
        Assert.Equal(ResampleFilter.Bicubic, new ImageTransformSpec(ResizeMode.Squash, 8, 8, 8, false, [0, 0, 0], [1, 1, 1]).Resample);
    }

    [Theory]
    [InlineData(2, ResampleFilter.Bilinear)]
    [InlineData(3, ResampleFilter.Bicubic)]
    public void Pil_codes_name_the_filters(long code, ResampleFilter filter) =>
        Assert.Equal(filter, ResampleFilters.FromPilCode(code, "preprocessor_config.json"));

    [Theory]
    [InlineData(0, "nearest")]
    [InlineData(1, "Lanczos")]
    [InlineData(4, "box")]
    [InlineData(5, "Hamming")]
    [InlineData(7, "not a PIL filter")]
    public void Other_pil_codes_are_refused_with_the_file_named(long code, string name)
    {
        var error = Assert.Throws<AroInputException>(() => ResampleFilters.FromPilCode(code, "m/preprocessor_config.json"));
        Assert.Equal($"m/preprocessor_config.json: resample {code} ({name}) is not implemented; aro reproduces PIL's bilinear (2) and bicubic (3)", error.Message);
    }

    [Fact]
    public void A_spec_with_an_unknown_filter_is_refused()
    {
        var spec = ImageTransformSpec.Blip() with { Resample = (ResampleFilter)4 };
        var error = Assert.Throws<AroInputException>(() => spec.Validate("aro-model.json"));
        Assert.Contains("resample filter 4", error.Message, StringComparison.Ordinal);
    }

    private static float[] Normalised(RgbPixels pixels, ImageTransformSpec spec)
    {
        var tensor = new float[3 * pixels.Width * pixels.Height];
        ChwNormalizer.Write(pixels, spec.Mean, spec.Std, tensor, vectorised: false);
        return tensor;
    }

    private static (RgbPixels Source, ResampleFilter Filter, int Width, int Height, byte[] Expected) Case(int index)
    {
        var root = Fixtures().RootElement;
        var c = root.GetProperty("cases")[index];
        var s = root.GetProperty("sources").GetProperty(c.GetProperty("source").GetString()!);
        var source = new RgbPixels(s.GetProperty("width").GetInt32(), s.GetProperty("height").GetInt32(), Convert.FromBase64String(s.GetProperty("rgb").GetString()!));
        var filter = ResampleFilters.FromPilCode(c.GetProperty("pil_code").GetInt32(), "resize.json");
        Assert.Equal(c.GetProperty("filter").GetString(), ResampleFilters.Name(filter));
        return (source, filter, c.GetProperty("width").GetInt32(), c.GetProperty("height").GetInt32(), Convert.FromBase64String(c.GetProperty("rgb").GetString()!));
    }

    private static JsonDocument Fixtures() => Cache.Value;

    private static readonly Lazy<JsonDocument> Cache = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("tests", "fixtures", "pillow", "resize.json"))));
}

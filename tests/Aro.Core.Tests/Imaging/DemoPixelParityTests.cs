using Aro.Core.Benchmarks.Aro;
using Aro.Core.Cases;
using Aro.Core.Imaging;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// Pixels of data/demo cases against PIL + torchvision tensors made by scripts/make_test_models.py: a box past
/// the image edge, an upscaled crop, an RGBA image whose odd center-crop margin rounds half to even.
/// </summary>
public sealed class DemoPixelParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("vg-relation-000003")]
    [InlineData("vg-relation-000014")]
    [InlineData("coco-order-000002")]
    public async Task Tensor_equals_pils_bit_for_bit(string id)
    {
        var data = RepoPaths.InRepo("data", "demo");
        ICaseReader reader = id.StartsWith("vg-", StringComparison.Ordinal)
            ? new VgJsonReader(VgRelationSubset.Instance, data)
            : new CasesJsonlReader(Path.Combine(data, "cases.jsonl"));
        var aroCase = await reader.ReadAsync().FirstAsync(c => c.Id == id);
        var spec = ImageTransformSpec.Clip();
        var image = new ImageLoader().Load(aroCase.ImagePath);
        if (aroCase.Crop is { } crop)
        {
            image = PilCrop.Crop(image, crop);
        }

        var tensor = new float[3 * 224 * 224];
        new ClipImageTransform(spec).Apply(image, tensor);
        var reference = ClipImageTransformParityTests.ReadFloats(RepoPaths.InRepo("tests", "fixtures", "reference", "demo", "pixels", id + ".f32"));
        var (max, mean) = ClipImageTransformParityTests.LevelDifference(tensor, reference, spec);
        output.WriteLine($"{id}: max {max:F2} levels, mean {mean:F4}");
        Assert.True(max == 0, $"max {max}, mean {mean}");
        Assert.Equal(reference, tensor);
    }
}

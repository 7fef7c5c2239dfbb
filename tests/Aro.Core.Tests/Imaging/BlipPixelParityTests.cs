using Aro.Core.Cases;
using Aro.Core.Imaging;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// BLIP's transform (bicubic squash to 384 x 384, no crop) on a wide data/demo JPEG against the PIL + torchvision
/// tensor scripts/make_test_models.py wrote for tiny-blip.
/// </summary>
public sealed class BlipPixelParityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Squash_tensor_equals_pils_bit_for_bit()
    {
        var data = RepoPaths.InRepo("data", "demo");
        var aroCase = await new CasesJsonlReader(Path.Combine(data, "cases.jsonl")).ReadAsync().FirstAsync(c => c.Id == "coco-order-000008");
        var spec = ImageTransformSpec.Blip();
        var transform = ImageTransforms.Create(spec);
        var tensor = new float[transform.TensorLength];

        transform.Apply(new ImageLoader().Load(aroCase.ImagePath), tensor);

        var reference = ClipImageTransformParityTests.ReadFloats(
            RepoPaths.InRepo("tests", "fixtures", "reference", "tiny-blip", "pixels", "coco-order-000008.f32"));
        Assert.Equal(3 * 384 * 384, reference.Length);
        Assert.Equal(reference.Length, tensor.Length);
        var (max, mean) = ClipImageTransformParityTests.LevelDifference(tensor, reference, spec);
        output.WriteLine($"coco-order-000008: max {max:F2} levels, mean {mean:F4}");
        Assert.True(max == 0, $"max {max}, mean {mean}");
        Assert.Equal(reference, tensor);
    }
}

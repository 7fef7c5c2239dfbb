using Aro.Core.Benchmarks.Aro;
using Aro.Core.Imaging;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// Pixels against the PIL 9.4 + torchvision 0.14 reference tensors of the first five VG-Relation fixture cases
/// (upscaled crops, a box past the image edge, RGBA, grayscale and palette sources).
/// </summary>
public sealed class ClipImageTransformParityTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Tensor_equals_pils_bit_for_bit(int index)
    {
        var root = SharedData.Fixtures("aro-synth");
        var reference = ReadFloats(SharedData.Fixtures("aro-synth", "expected", "pixels", $"vg-relation-{index:D6}.f32"));
        var aroCase = await new VgJsonReader(VgRelationSubset.Instance, root).ReadAsync().Skip(index).FirstAsync();
        var spec = ImageTransformSpec.Clip();
        var transform = new ClipImageTransform(spec);
        var image = new ImageLoader().Load(aroCase.ImagePath);
        var tensor = new float[transform.TensorLength];
        transform.Apply(PilCrop.Crop(image, aroCase.Crop!.Value), tensor);

        Assert.Equal(reference.Length, tensor.Length);
        var (maxLevels, meanLevels) = LevelDifference(tensor, reference, spec);
        output.WriteLine($"case {index} ({Path.GetFileName(aroCase.ImagePath)}): max {maxLevels:F2} levels, mean {meanLevels:F4} levels");
        Assert.True(maxLevels == 0, $"max difference {maxLevels:F2} 8-bit levels");
        Assert.Equal(reference, tensor);
    }

    /// <summary>Differences in 8-bit levels: |Δ| of the normalised value times std times 255.</summary>
    internal static (double Max, double Mean) LevelDifference(float[] actual, float[] expected, ImageTransformSpec spec)
    {
        var plane = actual.Length / 3;
        double max = 0, sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var levels = Math.Abs(actual[i] - expected[i]) * spec.Std[i / plane] * 255.0;
            max = Math.Max(max, levels);
            sum += levels;
        }

        return (max, sum / actual.Length);
    }

    internal static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var floats = new float[bytes.Length / 4];
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = BitConverter.ToSingle(bytes, i * 4);
        }

        return floats;
    }
}

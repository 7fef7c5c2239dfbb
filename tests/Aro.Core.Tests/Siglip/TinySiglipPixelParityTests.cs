using Xunit;

namespace Aro.Core.Tests.Siglip;

/// <summary>
/// SigLIP's image transform expressed with aro's existing squash transform (bicubic resize to the configured
/// size, /255, mean/std 0.5) against SiglipImageProcessor's steps as scripts/make_tiny_siglip.py ran them (PIL
/// bicubic resize, float64 * 1/255 cast to float32, (x - 0.5) / 0.5 in float32). The float arithmetic of the two
/// agrees for all 256 byte values, so the tensors must be equal bit for bit.
/// </summary>
public sealed class TinySiglipPixelParityTests
{
    public static TheoryData<string> Cases() => [.. TinySiglipReference.PixelCases];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Squash_tensor_equals_the_siglip_image_processor(string id)
    {
        Assert.Equal(TinySiglipReference.Pixels(id), DemoCases.SiglipPixels(DemoCases.Find(id)));
    }
}

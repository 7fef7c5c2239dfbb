using Aro.Core.Imaging;
using Xunit;

namespace Aro.Core.Tests.Imaging;

public sealed class PilResamplerTests
{
    [Fact]
    public void Same_size_is_the_identity()
    {
        var data = Enumerable.Range(0, 5 * 4 * 3).Select(i => (byte)(i * 7)).ToArray();
        var image = new RgbPixels(5, 4, data);

        Assert.Equal(data, PilResampler.Resize(image, ResampleFilter.Bicubic, 5, 4).ToArray());
    }

    [Fact]
    public void A_flat_image_stays_flat_when_scaled_either_way()
    {
        var image = new RgbPixels(7, 3, [.. Enumerable.Repeat((byte)123, 7 * 3 * 3)]);

        Assert.All(PilResampler.Resize(image, ResampleFilter.Bicubic, 40, 17).ToArray(), b => Assert.Equal(123, b));
        Assert.All(PilResampler.Resize(image, ResampleFilter.Bicubic, 2, 2).ToArray(), b => Assert.Equal(123, b));
    }

    [Fact]
    public void A_window_equals_the_same_pixels_of_the_full_resize()
    {
        var random = new Random(7);
        var data = new byte[31 * 23 * 3];
        random.NextBytes(data);
        var image = new RgbPixels(31, 23, data);

        var full = PilResampler.Resize(image, ResampleFilter.Bicubic, 50, 37);
        var window = PilResampler.ResizeWindow(image, ResampleFilter.Bicubic, 50, 37, 9, 4, 30, 30);

        for (var y = 0; y < 30; y++)
        {
            Assert.Equal(
                full.ToArray().AsSpan(((y + 4) * 50 * 3) + (9 * 3), 30 * 3).ToArray(),
                window.ToArray().AsSpan(y * 30 * 3, 30 * 3).ToArray());
        }
    }

    // Expected bytes below were produced by Pillow 9.4 (Image.frombytes(...).resize(size, Image.BICUBIC)).
    [Fact]
    public void Two_pixel_upscale_matches_pillow()
    {
        var image = new RgbPixels(2, 1, [0, 0, 0, 255, 255, 255]);

        var row = PilResampler.Resize(image, ResampleFilter.Bicubic, 4, 1).ToArray().Where((_, i) => i % 3 == 0).ToArray();

        Assert.Equal(new byte[] { 0, 53, 202, 255 }, row);
    }

    [Fact]
    public void Antialiased_downscale_matches_pillow()
    {
        byte[] ramp = [.. new[] { 0, 10, 50, 200, 220, 255, 30, 90 }.SelectMany(v => new[] { (byte)v, (byte)(255 - v), (byte)(v * 3 % 256) })];

        var resized = PilResampler.Resize(new RgbPixels(8, 1, ramp), ResampleFilter.Bicubic, 3, 1);

        Assert.Equal(new byte[] { 18, 237, 47, 193, 62, 152, 115, 140, 110 }, resized.ToArray());
    }

    [Fact]
    public void Two_dimensional_upscale_matches_pillow_with_rounding_between_passes()
    {
        byte[] grid = [.. Enumerable.Range(0, 18).Select(i => (byte)(i * 37 % 256))];

        var resized = PilResampler.Resize(new RgbPixels(3, 2, grid), ResampleFilter.Bicubic, 5, 3);

        byte[] expected =
        [
            0, 24, 60, 28, 77, 121, 106, 143, 197, 194, 54, 98, 243, 0, 23,
            35, 68, 114, 78, 121, 107, 150, 187, 96, 144, 98, 84, 131, 35, 77,
            74, 111, 168, 128, 164, 93, 193, 230, 0, 93, 141, 70, 19, 74, 131,
        ];
        Assert.Equal(expected, resized.ToArray());
    }
}

using Aro.Core.Cases;
using Aro.Core.Imaging;
using Xunit;

namespace Aro.Core.Tests.Imaging;

public sealed class PilCropTests
{
    [Theory]
    // x, y, w, h -> PIL's (left, top, right, bottom) after Python's round-half-to-even
    [InlineData(10.5, 11.5, 200.5, 150.5, 10, 12, 211, 162)]
    [InlineData(0.5, 1.5, 2.0, 2.0, 0, 2, 2, 4)]
    [InlineData(2.5, 3.5, 0.25, 0.25, 2, 4, 3, 4)]
    [InlineData(-1.5, -0.5, 4.0, 4.0, -2, 0, 2, 4)]
    public void Rounds_the_box_half_to_even(double x, double y, double w, double h, int left, int top, int right, int bottom)
    {
        Assert.Equal((left, top, right, bottom), PilCrop.RoundBox(new CropBox(x, y, w, h)));
    }

    [Fact]
    public void Area_outside_the_image_is_black()
    {
        // 2x2 image: white, red / green, blue.
        var image = new RgbPixels(2, 2, [255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255]);

        var crop = PilCrop.Crop(image, new CropBox(-1, 1, 3, 2));

        Assert.Equal(3, crop.Width);
        Assert.Equal(2, crop.Height);
        byte[] expected =
        [
            0, 0, 0, 0, 255, 0, 0, 0, 255,
            0, 0, 0, 0, 0, 0, 0, 0, 0,
        ];
        Assert.Equal(expected, crop.ToArray());
    }

    [Theory]
    [InlineData(5, 5, 0, 3)]
    [InlineData(5, 5, 0.4, 3)]
    [InlineData(5, 5, -3, 3)]
    [InlineData(5, 5, double.NaN, 3)]
    public void Empty_or_invalid_boxes_are_refused(double x, double y, double w, double h)
    {
        var image = new RgbPixels(10, 10, new byte[300]);

        var error = Assert.Throws<AroInputException>(() => PilCrop.Crop(image, new CropBox(x, y, w, h)));

        Assert.Contains("crop box", error.Message);
    }

    [Theory]
    [InlineData(0, 0, 1, 89_478_485)]
    [InlineData(0, 0, 65_536, 1)]
    public void Boxes_with_a_side_past_the_limit_are_refused_before_any_allocation(double x, double y, double w, double h)
    {
        // A 1 x 89M box is within the pixel limit, but squashing it to 384 x 384 would need 1.4 GB of resize weights.
        var image = new RgbPixels(10, 10, new byte[300]);
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<AroInputException>(() => PilCrop.Crop(image, new CropBox(x, y, w, h)));

        Assert.Contains("a side longer than the limit of 65535", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1 << 20);
    }
}

using Aro.Core.Cases;
using Aro.Core.Pipeline;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;
using Xunit;

namespace Aro.Core.Tests.Pipeline;

/// <summary>
/// What the pipeline budgets per image: the size a header declares (read without decoding) and the cost formula,
/// checked against images made here and sums done by hand; and how the tensor bound cuts batches.
/// </summary>
public sealed class ImageMemoryTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Png, 321, 123)]
    [InlineData(SKEncodedImageFormat.Jpeg, 40, 700)]
    [InlineData(SKEncodedImageFormat.Webp, 17, 9)]
    public void The_declared_size_comes_from_the_header(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.CornflowerBlue);
        using var data = bitmap.Encode(format, 90);

        Assert.Equal((long)width * height, ImageMemory.DeclaredPixels(data.ToArray()));
    }

    [Fact]
    public void A_header_skia_cannot_read_declares_nothing_and_costs_the_pixel_limit()
    {
        using var tiff = new MemoryStream();
        using (var image = new Image<Rgb24>(30, 20))
        {
            image.SaveAsTiff(tiff);
        }

        Assert.Null(ImageMemory.DeclaredPixels(tiff.ToArray()));
        Assert.Null(ImageMemory.DeclaredPixels([1, 2, 3, 4, 5]));
        Assert.Null(ImageMemory.DeclaredPixels([]));

        // 5 bytes per pixel at PIL's limit of 89,478,485, plus 1 MiB.
        Assert.Equal(100 + (5 * 89_478_485L) + 1_048_576, ImageMemory.Cost(100, null, null));
    }

    [Fact]
    public void The_cost_adds_the_file_five_bytes_per_pixel_three_per_crop_pixel_and_one_mebibyte()
    {
        // 640 x 480 with a 100.5 x 50.2 crop: the box counts as 102 x 52 pixels (rounded up, one more each way).
        Assert.Equal(2000 + (5 * 640 * 480L) + (3 * 102 * 52L) + 1_048_576, ImageMemory.Cost(2000, 640 * 480, new CropBox(3, 4, 100.5, 50.2)));

        // A crop box far larger than the image (PIL pads it) counts in full, up to the pixel limit.
        Assert.Equal((5 * 100L) + (3 * 89_478_485L) + 1_048_576, ImageMemory.Cost(0, 100, new CropBox(0, 0, 60000, 60000)));
    }

    [Theory]
    [InlineData(32, 150_528, 268_435_456, 32)] // ViT-B/32 224 x 224: 602,112 bytes a tensor; 445 fit in 256 MiB
    [InlineData(4096, 150_528, 268_435_456, 445)]
    [InlineData(4096, 442_368, 268_435_456, 151)] // SigLIP 384 x 384
    [InlineData(8, 6, 72, 3)]
    [InlineData(8, 6, 1, 1)] // at least one case
    public void A_batch_holds_fewer_cases_when_its_tensor_would_pass_the_bound(int batchSize, int tensorLength, long bound, int expected)
    {
        Assert.Equal(expected, new PipelineMemory(TensorBytesPerBatch: bound).CasesPerBatch(batchSize, tensorLength));
    }
}

using System.Buffers.Binary;
using Aro.Core.Imaging;
using Aro.Core.Tests.Support.Fuzzing;
using Xunit;

namespace Aro.Core.Tests.Imaging;

/// <summary>The decoder-boundary rules the fuzz suite forced, each pinned on one crafted file.</summary>
public sealed class ImageLoaderTests
{
    private readonly ImageLoader _loader = new();

    [Fact]
    public void A_bmp_skia_refuses_is_reported_as_a_broken_bmp_not_handed_to_another_decoder()
    {
        // 0 bits per pixel: ImageSharp's BMP decoder divided by zero on it.
        var bmp = Seed("ImageSharp BMP 24-bit");
        BinaryPrimitives.WriteUInt16LittleEndian(bmp.AsSpan(28), 0);

        var error = Assert.Throws<ImageLoadException>(() => _loader.Decode(bmp, "x.bmp"));

        Assert.Equal("is a BMP file whose header is corrupt or truncated", error.Problem);
    }

    [Fact]
    public void A_webp_canvas_skia_refuses_is_not_decoded_by_imagesharp_instead()
    {
        var canvas = ImageHeaderEdits.For(ImageSeeds.All.Single(s => s.Input.Description == "Skia WebP lossy"), includeUnderLimit: false)
            .Single(e => e.Input.Description.EndsWith("VP8X canvas 16777216x16777216", StringComparison.Ordinal));

        var error = Assert.Throws<ImageLoadException>(() => _loader.Decode(canvas.Input.Bytes, "x.webp"));

        Assert.Equal("is a WebP file whose header is corrupt or truncated", error.Problem);
    }

    [Fact]
    public void A_side_past_the_limit_is_refused_even_within_the_pixel_limit()
    {
        var png = Seed("Skia PNG RGBA");
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 70_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32.Of(png.AsSpan(12, 17)));

        var error = Assert.Throws<ImageLoadException>(() => _loader.Decode(png, "x.png"));

        Assert.Equal("declares 70000x1, a side longer than the limit of 65535", error.Problem);
    }

    [Fact]
    public void A_multi_page_tiff_decodes_its_first_page_only()
    {
        // Page 2 claims 8000 x 8000 over page 1's strips: decoding it would allocate 183 MiB and fail.
        var tiff = Seed("ImageSharp TIFF uncompressed");
        var first = (int)BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(4));
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(first));
        var length = 2 + (12 * entries) + 4;
        var second = (tiff.Length + 1) & ~1;
        var bytes = new byte[second + length];
        tiff.CopyTo(bytes, 0);
        tiff.AsSpan(first, length).CopyTo(bytes.AsSpan(second));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(first + 2 + (12 * entries)), (uint)second);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(second + 2 + (12 * entries)), 0);
        for (var i = 0; i < entries; i++)
        {
            var entry = bytes.AsSpan(second + 2 + (12 * i));
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry) is 256 or 257)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 4);
                BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], 8000);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var image = _loader.Decode(bytes, "x.tiff");

        Assert.Equal((ImageSeeds.Width, ImageSeeds.Height), (image.Width, image.Height));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 16 << 20);
    }

    [Fact]
    public void Decoding_keeps_no_alpha_buffer_beside_the_rgb_one()
    {
        // A 400 x 300 RGBA PNG: 120,000 pixels. The first decode fills the buffer pool; the second must allocate less
        // than one RGB raster (360,000 bytes): the RGB pixels live in the pooled RGBA buffer Skia filled.
        byte[] png;
        using (var bitmap = new SkiaSharp.SKBitmap(400, 300, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Unpremul))
        {
            bitmap.Erase(new SkiaSharp.SKColor(10, 200, 30, 128));
            using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
            png = data.ToArray();
        }

        _loader.Decode(png, "x.png").Dispose();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        using var image = _loader.Decode(png, "x.png");
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.True(image.Data.Length >= 400 * 300 * 4);
        Assert.Equal([10, 200, 30], image.Data[..3]);
        Assert.True(allocated < 400 * 300 * 3, $"{allocated} bytes");
    }

    private static byte[] Seed(string name) => (byte[])ImageSeeds.All.Single(s => s.Input.Description == name).Input.Bytes.Clone();
}

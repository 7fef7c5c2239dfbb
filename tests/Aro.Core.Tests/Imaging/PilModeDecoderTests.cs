using System.Buffers.Binary;
using Aro.Core.Imaging;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Imaging;

/// <summary>The allocation bugs fuzzing found in the PIL-mode decoders, each pinned on one edited fixture.</summary>
public sealed class PilModeDecoderTests
{
    private readonly ImageLoader _loader = new();

    [Fact]
    public void A_palette_png_with_a_corrupt_bit_depth_is_not_given_a_palette_of_that_many_entries()
    {
        // Bit depth 30 once sized the padded palette at 2^30 entries (3 GiB) before libpng refused the file.
        var png = Fixture("palette-short.png");
        png[24] = 30;
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32.Of(png.AsSpan(12, 17)));

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<ImageLoadException>(() => _loader.Decode(png, "x.png"));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 16 << 20);
    }

    [Fact]
    public void A_tiff_tag_counting_more_bytes_than_the_file_is_refused_before_libtiff_reads_it()
    {
        // libtiff allocates a tag's declared count before reading it: 2^28 strip offsets were 3 GiB for a 600-byte file.
        var tiff = Fixture("cmyk-raw.tif");
        var directory = (int)BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(4));
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(directory));
        var edited = false;
        for (var i = 0; i < entries; i++)
        {
            var entry = tiff.AsSpan(directory + 2 + (12 * i));
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry) == 273)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1 << 28);
                edited = true;
            }
        }

        Assert.True(edited, "the fixture has no StripOffsets tag");
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ImageLoadException>(() => _loader.Decode(tiff, "x.tif"));

        Assert.Equal("is a TIFF file with a tag whose declared size exceeds the file (corrupt)", error.Problem);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 16 << 20);
    }

    [Fact]
    public void A_truncated_gif_frame_is_an_error_naming_the_file()
    {
        var gif = Fixture("pillow-256.gif");

        var error = Assert.Throws<ImageLoadException>(() => _loader.Decode(gif[..(gif.Length / 2)], "x.gif"));

        Assert.Equal("is a GIF file that is truncated", error.Problem);
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(RepoPaths.InRepo("tests", "fixtures", "pillow", "decode", name));
}

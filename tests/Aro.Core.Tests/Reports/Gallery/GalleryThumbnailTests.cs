using System.Text.Json;
using Aro.Core.Benchmarks;
using Aro.Core.Imaging;
using Aro.Core.Reports.Gallery;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using SkiaSharp;
using Xunit;

namespace Aro.Core.Tests.Reports.Gallery;

/// <summary>
/// The gallery's thumbnails against Pillow: scripts/make_gallery_references.py crops data/demo's images as the
/// official ARO code does (<c>image.crop((x, y, x + w, y + h))</c>, VG) or keeps them whole (Order), and shrinks them
/// with <c>Image.resize(size, BICUBIC)</c>; tests/fixtures/gallery holds its pixels as PNGs. The cases are found through
/// the subsets' own readers, as the report finds them, and the boxes are checked against the script's reading of the
/// annotation files.
/// </summary>
[Collection(EvaluatedResultsCollection.Name)]
public sealed class GalleryThumbnailTests(EvaluatedResults results)
{
    private static readonly string Fixtures = RepoPaths.InRepo("tests", "fixtures", "gallery");

    public static TheoryData<string> Cases() => [.. Manifest().Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Thumbnail_pixels_equal_pillows_crop_and_bicubic_shrink(string id)
    {
        var entry = Manifest().Single(c => c.Id == id);
        var image = FindCase(entry);
        using var expected = new ImageLoader().Load(Path.Combine(Fixtures, id + ".png"));

        using var pixels = Thumbnails.Pixels(new ImageLoader(), image, ThumbnailLimits.Default.LongestSide);

        Assert.Equal((entry.Size[0], entry.Size[1]), (expected.Width, expected.Height));
        Assert.Equal((expected.Width, expected.Height), (pixels.Width, pixels.Height));
        Assert.Equal(expected.ToArray(), pixels.ToArray());
    }

    [Fact]
    public void Every_reference_case_is_a_card_whose_jpeg_encodes_those_pixels()
    {
        var gallery = FailureGallery.Build(
            [("demo", ResultsFolderReader.Read(results.Demo))], BenchmarkRegistry.FindBenchmark("aro")!.Subsets.Select(s => s.Name).ToList(), new GalleryOptions(Count: 100));

        foreach (var entry in Manifest())
        {
            // Every case is among the closest calls when the list is longer than the subset.
            var card = gallery.Subsets.Single(s => s.Subset == entry.Subset).Panels.Single(p => p.Kind == GalleryList.ClosestCalls).Cards.Single(c => c.Row.Id == entry.Id);
            using var expected = new ImageLoader().Load(Path.Combine(Fixtures, entry.Id + ".png"));
            Assert.StartsWith("data:image/jpeg;base64,", card.Image.DataUri, StringComparison.Ordinal);
            var jpeg = Convert.FromBase64String(card.Image.DataUri!["data:image/jpeg;base64,".Length..]);

            Assert.Equal((expected.Width, expected.Height), (card.Image.Width, card.Image.Height));
            Assert.Equal(Thumbnails.EncodeJpeg(expected, ThumbnailLimits.Default.Quality), jpeg);
            using var decoded = SKBitmap.Decode(jpeg);
            Assert.Equal((expected.Width, expected.Height), (decoded.Width, decoded.Height));
            var difference = MeanAbsoluteDifference(expected, decoded);
            Assert.True(difference < 6, $"{entry.Id}: the JPEG differs from Pillow's pixels by {difference:F2} levels on average");
        }
    }

    [Fact]
    public void Thumbnails_and_gallery_are_the_same_bytes_every_time()
    {
        var subsets = new[] { "relation", "coco-order" };
        var first = FailureGallery.Build([("demo", ResultsFolderReader.Read(results.Demo))], subsets, new GalleryOptions());
        var second = FailureGallery.Build([("demo", ResultsFolderReader.Read(results.Demo))], subsets, new GalleryOptions());

        var uris = first.Subsets.SelectMany(s => s.Panels).SelectMany(p => p.Cards).Select(c => c.Image.DataUri).ToList();
        Assert.Equal(uris, second.Subsets.SelectMany(s => s.Panels).SelectMany(p => p.Cards).Select(c => c.Image.DataUri));
        Assert.All(uris, Assert.NotNull);
        using var pixels = new ImageLoader().Load(Path.Combine(Fixtures, "vg-relation-000000.png"));
        Assert.Equal(Thumbnails.EncodeJpeg(pixels, 80), Thumbnails.EncodeJpeg(pixels, 80));
    }

    [Theory]
    [InlineData(640, 480, 160, 160, 120)]
    [InlineData(480, 640, 160, 120, 160)]
    [InlineData(500, 120, 160, 160, 38)] // 38.4
    [InlineData(178, 110, 160, 160, 99)] // 98.88
    [InlineData(20, 5, 10, 10, 2)] // 2.5 rounds to even
    [InlineData(20, 7, 10, 10, 4)] // 3.5 rounds to even
    [InlineData(1000, 3, 160, 160, 1)] // never 0
    [InlineData(160, 90, 160, 160, 90)] // fits: kept
    [InlineData(41, 30, 160, 41, 30)] // small: never enlarged
    public void Size_fits_the_longest_side_rounding_half_to_even(int width, int height, int longest, int expectedWidth, int expectedHeight) =>
        Assert.Equal((expectedWidth, expectedHeight), Thumbnails.Size(width, height, longest));

    /// <summary>The case's image and box as the subset's reader gives them, checked against the script's reading.</summary>
    private static CaseImage FindCase(ReferenceCase entry)
    {
        var subset = BenchmarkRegistry.FindSubset(entry.Subset)!;
        var found = subset.OpenReader(RepoPaths.InRepo("data", "demo"), 1).ReadAsync().ToBlockingEnumerable().Single(c => c.Id == entry.Id);
        Assert.Equal(Path.GetFullPath(RepoPaths.InRepo("data", "demo", entry.Image)), found.ImagePath);
        Assert.Equal(entry.Box is null ? null : new Aro.Core.Cases.CropBox(entry.Box[0], entry.Box[1], entry.Box[2], entry.Box[3]), found.Crop);
        return new CaseImage(found.ImagePath, found.Crop);
    }

    private static double MeanAbsoluteDifference(RgbPixels expected, SKBitmap decoded)
    {
        long total = 0;
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                var pixel = decoded.GetPixel(x, y);
                var at = (y * expected.Stride) + (x * 3);
                total += Math.Abs(pixel.Red - expected.Data[at]) + Math.Abs(pixel.Green - expected.Data[at + 1]) + Math.Abs(pixel.Blue - expected.Data[at + 2]);
            }
        }

        return total / (3.0 * expected.Width * expected.Height);
    }

    private static List<ReferenceCase> Manifest() =>
        JsonSerializer.Deserialize<List<ReferenceCase>>(File.ReadAllText(Path.Combine(Fixtures, "cases.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private sealed record ReferenceCase(string Subset, string Id, string Image, double[]? Box, int[] Size);
}

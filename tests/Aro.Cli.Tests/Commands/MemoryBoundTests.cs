using System.Globalization;
using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// Memory is bounded by bytes, not by counts: real `aro eval` processes under a garbage-collector heap limit
/// (<c>DOTNET_GCHeapHardLimit</c>) finish with every case scored when a batch is full of images near PIL's pixel
/// limit decoded by four threads, and when its files are each larger than a quarter of the heap. Before the decode
/// budget, four threads held four 356 MB rasters at once, and a batch held all its files' bytes from reading to
/// decoding: both ran out of memory under these limits (README, "Speed").
/// </summary>
public sealed class MemoryBoundTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Four_crops_of_an_image_near_the_pixel_limit_decode_within_a_768_MiB_heap()
    {
        using var temp = new TempDirectory();

        // 9000 x 9900 = 89,100,000 pixels, just under PIL's 89,478,485; one colour, so the PNG is small but decodes to
        // 356 MB of RGBA. Four crop boxes make four distinct encoder inputs, so it is decoded four times.
        Directory.CreateDirectory(temp.File("images"));
        using (var bitmap = new SKBitmap(new SKImageInfo(9000, 9900, SKColorType.Rgba8888, SKAlphaType.Opaque)))
        {
            bitmap.Erase(new SKColor(40, 120, 200));
            using var pixmap = bitmap.PeekPixels() ?? throw new InvalidOperationException("no pixels to encode");
            using var png = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.NoFilters, 1)) ?? throw new InvalidOperationException("PNG encoding failed");
            File.WriteAllBytes(temp.File("images", "huge.png"), png.ToArray());
        }

        var cases = Enumerable.Range(0, 4).Select(i => Case(i, "huge.png", $"[{i * 100}, {i * 50}, 300, 200]"));
        File.WriteAllLines(temp.File("cases.jsonl"), cases);

        var (code, error) = await Eval(temp, heapLimit: 768L << 20);

        Assert.True(code == 0, error);
        Assert.Equal(4, CsvTable.Read(temp.File("out", "cases.predictions.csv")).Rows.Count);
    }

    [Fact]
    public async Task Files_larger_than_a_third_of_a_320_MiB_heap_are_read_one_at_a_time()
    {
        using var temp = new TempDirectory();

        // Three distinct 120 MB JPEG files: a small image followed by zeros after its end marker (which decoders ignore);
        // sparse, so they take no disk. Held together they would pass the heap limit.
        Directory.CreateDirectory(temp.File("images"));
        for (var i = 0; i < 3; i++)
        {
            using var bitmap = new SKBitmap(64 + i, 48);
            bitmap.Erase(new SKColor((byte)(60 * i), 90, 30));
            using var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
            var path = temp.File("images", $"big{i}.jpg");
            File.WriteAllBytes(path, jpeg.ToArray());
            using var file = new FileStream(path, FileMode.Open);
            file.SetLength(120L << 20);
        }

        File.WriteAllLines(temp.File("cases.jsonl"), Enumerable.Range(0, 3).Select(i => Case(i, $"big{i}.jpg", "[0, 0, 32, 32]")));

        var (code, error) = await Eval(temp, heapLimit: 320L << 20);

        Assert.True(code == 0, error);
        Assert.Equal(3, CsvTable.Read(temp.File("out", "cases.predictions.csv")).Rows.Count);
    }

    private static string Case(int i, string image, string box) =>
        $"{{\"id\": \"big-{i}\", \"image\": \"images/{image}\", \"bbox\": {box}, \"captions\": [\"a blue square\", \"a red circle {i}\"], \"label\": 0}}";

    private async Task<(int Code, string Error)> Eval(TempDirectory temp, long heapLimit)
    {
        var info = ChildProcess.StartInfo("aro", ["eval", "--model", RepoPaths.InRepo("models", "demo"), "--subset", temp.File("cases.jsonl"),
            "--out", temp.File("out"), "--no-cache", "--batch-size", "8", "--overlap", "on", "--decode-threads", "4", "--threads", "1"]);
        info.Environment["DOTNET_GCHeapHardLimit"] = heapLimit.ToString("x", CultureInfo.InvariantCulture);
        var (code, _, error) = await ChildProcess.FinishAsync(ChildProcess.Start(info), Patience);
        output.WriteLine(error);
        return (code, error);
    }
}

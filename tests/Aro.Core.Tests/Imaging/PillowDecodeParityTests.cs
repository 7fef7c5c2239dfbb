using System.Text.Json;
using Aro.Core.Imaging;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// <see cref="ImageLoader"/> against Pillow 9.4's <c>Image.open(p).convert("RGB")</c> on the storage modes libraries
/// disagree about (16-bit, grey + alpha, 1/2/4-bit, palettes with alpha or past their end, GIF transparency and
/// frames smaller than the screen, CMYK JPEG and TIFF, 16-bit BMP, WebP, TGA...), made by
/// scripts/make_pillow_references.py (tests/fixtures/pillow/decode.json): every byte equal, or, for the modes aro
/// refuses, an <see cref="ImageLoadException"/> naming the file and the mode.
/// </summary>
public sealed class PillowDecodeParityTests(ITestOutputHelper output)
{
    /// <summary>Files PIL decodes and aro refuses on purpose, with what the message must say.</summary>
    private static readonly Dictionary<string, string> Refused = new()
    {
        ["plain-maxval100.pgm"] = "is a plain (ASCII) PGM with maxval 100",
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var image in Fixtures().RootElement.GetProperty("images").EnumerateArray())
        {
            data.Add(image.GetProperty("file").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Decodes_as_pil_converts_to_rgb(string file)
    {
        var entry = Fixtures().RootElement.GetProperty("images").EnumerateArray().Single(e => e.GetProperty("file").GetString() == file);
        var path = RepoPaths.InRepo("tests", "fixtures", "pillow", "decode", file);
        output.WriteLine($"{file}: {entry.GetProperty("what").GetString()} (PIL mode {entry.GetProperty("pil_mode").GetString()})");
        if (Refused.TryGetValue(file, out var message))
        {
            var error = Assert.Throws<ImageLoadException>(() => new ImageLoader().Load(path));
            Assert.Equal(path, error.ImagePath);
            Assert.Contains(message, error.Problem, StringComparison.Ordinal);
            return;
        }

        using var image = new ImageLoader().Load(path);
        var expected = Convert.FromBase64String(entry.GetProperty("rgb").GetString()!);
        Assert.Equal((entry.GetProperty("width").GetInt32(), entry.GetProperty("height").GetInt32()), (image.Width, image.Height));
        var actual = image.ToArray();
        var differing = expected.Zip(actual).Count(p => p.First != p.Second);
        var max = expected.Zip(actual).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(differing == 0, $"{differing} of {expected.Length} bytes differ from PIL's, by up to {max} levels");
    }

    [Fact]
    public void Every_fixture_is_covered_and_the_refusals_exist()
    {
        var files = Fixtures().RootElement.GetProperty("images").EnumerateArray().Select(e => e.GetProperty("file").GetString()!).ToList();
        Assert.True(files.Count >= 50, $"{files.Count} fixtures");
        Assert.All(Refused.Keys, f => Assert.Contains(f, files));
        Assert.All(files, f => Assert.True(File.Exists(RepoPaths.InRepo("tests", "fixtures", "pillow", "decode", f)), f));
    }

    private static JsonDocument Fixtures() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("tests", "fixtures", "pillow", "decode.json")));
}
